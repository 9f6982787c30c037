import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { todayIsoDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { BackLink } from '../members/components/BackLink';
import { emptyDraft } from './answer-draft';
import { useAssistantTranslation } from './assistant-i18n';
import { AnswerDraftForm } from './components/AnswerDraftForm';
import { useCreateCuratedAnswer } from './queries';

/** A curated answer written from scratch: its first version. */
export function NewKnowledgeAnswerPage() {
  const { t } = useAssistantTranslation();
  const navigate = useNavigate();
  const create = useCreateCuratedAnswer();
  const [initial] = useState(() => emptyDraft(todayIsoDate()));
  return (
    <>
      <PageHeader
        title={t('knowledge.newAnswer')}
        above={<BackLink to="/legal-knowledge" label={t('knowledge.back')} />}
      />
      <AnswerDraftForm
        initial={initial}
        pending={create.isPending}
        error={create.error}
        onCancel={() => void navigate('/legal-knowledge')}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (version) => {
              notifications.show({ color: 'green', message: t('knowledge.created') });
              void navigate(`/legal-knowledge/${String(version.answerId)}`);
            },
          })
        }
      />
    </>
  );
}
