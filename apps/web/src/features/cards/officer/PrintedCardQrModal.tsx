import { Center, Modal, Stack, Text } from '@mantine/core';
import type { MemberDto } from '@union/contracts/members';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { formatDate } from '../../../ui/dates';
import { ErrorState, LoadingState } from '../../../ui/states';
import { usePrintedCard } from './queries';

// The encoder is fetched only when an officer opens a card's QR, not with the member's page.
const QrCode = lazy(() => import('../QrCode').then((m) => ({ default: m.QrCode })));

function PrintedCardQr({ member }: { member: MemberDto }) {
  const { t } = useTranslation();
  const card = usePrintedCard(member.id);

  if (card.isError)
    return <ErrorState message={errorMessage(card.error)} onRetry={() => void card.refetch()} />;
  if (card.isPending) return <LoadingState />;

  return (
    <Stack gap="sm" align="stretch">
      <Center>
        <Suspense fallback={<LoadingState />}>
          <QrCode
            text={card.data.presentation}
            label={t('officerCards.qr.alt', { name: member.fullName })}
            style={{ width: 260, maxWidth: '100%' }}
          />
        </Suspense>
      </Center>
      <Text size="sm" ta="center" fw={600} style={{ overflowWrap: 'anywhere' }}>
        {member.fullName} · {member.memberCode}
      </Text>
      <Text size="xs" c="dimmed" ta="center">
        {t('officerCards.qr.validity', {
          issued: formatDate(card.data.issuedAt),
          expires: formatDate(card.data.expiresAt),
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('officerCards.qr.hint')}
      </Text>
    </Stack>
  );
}

/** The printed card's QR, as on the card: asking for it issues the printed card if there is none yet. */
export function PrintedCardQrModal({
  member,
  opened,
  onClose,
}: {
  member: MemberDto;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('officerCards.qr.title')}>
      {opened && <PrintedCardQr member={member} />}
    </Modal>
  );
}
