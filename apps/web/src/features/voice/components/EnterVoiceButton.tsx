import { Button } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * On a member's page in the console: enter a concern on the member's behalf (`voice.enter`). Its label
 * is the members page's own, so the page does not fetch the voice screens' texts.
 */
export function EnterVoiceButton({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to={`/voice/new?memberId=${memberId}`}
      variant="default"
      leftSection={<IconMessagePlus size={18} />}
    >
      {t('members.profile.enterVoice')}
    </Button>
  );
}
