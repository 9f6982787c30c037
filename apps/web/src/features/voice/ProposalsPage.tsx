import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage } from '../../ui/states';
import { VoiceItemList } from './components/VoiceItemList';
import { VoiceSectionNav } from './components/VoiceSectionNav';
import { useVoiceItems } from './queries';
import { useVoiceTranslation } from './voice-i18n';

const PUBLIC = { view: 'public' } as const;

/** "Kiến nghị": the proposals the member may read and support, each with its count of supporters. */
export function ProposalsPage() {
  const { t } = useVoiceTranslation();
  const list = useVoiceItems(PUBLIC);
  const propose = (
    <Button component={Link} to="/voice/new" variant="light" leftSection={<IconPlus size={18} />} h={44}>
      {t('proposals.newProposal')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('proposals.title')} description={t('proposals.description')} actions={propose} />
      <VoiceSectionNav current="/voice/proposals" />
      <VoiceItemList
        list={list}
        audience="member"
        label={t('proposals.title')}
        empty={
          <EmptyMessage title={t('proposals.empty')} description={t('proposals.emptyHint')}>
            {propose}
          </EmptyMessage>
        }
      />
    </>
  );
}
