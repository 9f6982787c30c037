import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage } from '../../ui/states';
import { SurveyList } from './components/SurveyList';
import { useSurveys } from './queries';
import { useVoiceTranslation } from './voice-i18n';

/** The surveys of the officer's units, each opening on its results. */
export function ManagedSurveysPage() {
  const { t } = useVoiceTranslation();
  const list = useSurveys('managed');
  const create = (
    <Button component={Link} to="/surveys/new" leftSection={<IconPlus size={18} />}>
      {t('managed.create')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('managed.title')} description={t('managed.description')} actions={create} />
      <SurveyList
        list={list}
        audience="officer"
        label={t('managed.title')}
        empty={
          <EmptyMessage title={t('managed.empty')} description={t('managed.emptyHint')}>
            {create}
          </EmptyMessage>
        }
      />
    </>
  );
}
