import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage } from '../../ui/states';
import { VoiceItemList } from './components/VoiceItemList';
import { VoiceSectionNav } from './components/VoiceSectionNav';
import { useVoiceItems } from './queries';
import { useVoiceTranslation } from './voice-i18n';

const MINE = { view: 'mine' } as const;

/** "Ý kiến của tôi": what the member raised, with its status and deadline; the way to raise more. */
export function MyVoicePage() {
  const { t } = useVoiceTranslation();
  const list = useVoiceItems(MINE);
  const submit = (
    <Button component={Link} to="/voice/new" leftSection={<IconPlus size={18} />} h={44}>
      {t('mine.submit')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('mine.title')} description={t('mine.description')} actions={submit} />
      <VoiceSectionNav current="/voice" />
      <VoiceItemList
        list={list}
        audience="member"
        label={t('mine.title')}
        empty={
          <EmptyMessage title={t('mine.empty')} description={t('mine.emptyHint')}>
            {submit}
          </EmptyMessage>
        }
      />
    </>
  );
}
