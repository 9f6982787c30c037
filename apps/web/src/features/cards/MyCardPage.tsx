import { Alert, Button, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconWifiOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { formatDate, formatDateTime } from '../../ui/dates';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { LiveCardQr, ServerCardQr } from './CardQr';
import { LostPhoneSection } from './LostPhoneSection';
import { CardNeedsNetworkError, isNoMemberRecord, type PhoneCard } from './phone-card';
import { useMyCard } from './queries';
import { cardState, UnionCard } from './UnionCard';

function OfflineNotice({ phoneCard }: { phoneCard: PhoneCard }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" icon={<IconWifiOff size={20} aria-hidden />} role="status" py="xs">
      <Text fw={600} size="sm">
        {t('myCard.offline')}
      </Text>
      <Text size="xs">{t('myCard.savedAt', { time: formatDateTime(phoneCard.savedAt) })}</Text>
    </Alert>
  );
}

function CardNotice({ phoneCard }: { phoneCard: PhoneCard }) {
  const { t } = useTranslation();
  const state = cardState(phoneCard.card);
  if (state === 'valid') return null;
  return (
    <Alert
      color={state === 'suspended' ? 'orange' : 'red'}
      variant="light"
      icon={<IconAlertTriangle size={20} />}
    >
      {t(state === 'suspended' ? 'myCard.suspendedNotice' : 'myCard.invalidNotice')}
    </Alert>
  );
}

function CardView({ phoneCard }: { phoneCard: PhoneCard }) {
  const { t } = useTranslation();
  const { card, key } = phoneCard;
  // A phone that stayed offline past the credential's month shows no code that would fail anyway.
  const expired = key !== null && Date.parse(card.expiresAt) <= Date.now();
  const qr = expired ? (
    <Alert color="red" variant="light" role="alert">
      {t('myCard.expired')}
    </Alert>
  ) : key ? (
    <LiveCardQr phoneCard={{ ...phoneCard, key }} />
  ) : (
    <ServerCardQr phoneCard={phoneCard} />
  );
  return (
    <Stack gap="sm">
      <CardNotice phoneCard={phoneCard} />
      <UnionCard card={card} qr={qr} />
      {key && !expired && (
        <Text size="sm" c="dimmed">
          {t('myCard.qrHint')} {t('myCard.usableOfflineUntil', { date: formatDate(card.expiresAt) })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * "Thẻ đoàn viên": the member's card on their phone, with a QR made on the phone every 30 seconds.
 * It opens offline too (the service worker serves the app, IndexedDB the card and the phone's key).
 */
export function MyCardPage() {
  const { t } = useTranslation();
  const { online } = useNetwork();
  // After "Báo mất điện thoại" the page asks before taking a new card on this device.
  const [reported, setReported] = useState(false);
  const myCard = useMyCard(!reported);

  const onReported = () => {
    setReported(true);
    notifications.show({ color: 'green', message: t('myCard.lost.done') });
  };

  let content;
  if (reported) {
    content = (
      <Paper withBorder p="md">
        <Stack gap="sm" align="flex-start">
          <Text fw={600}>{t('myCard.lost.revokedTitle')}</Text>
          <Text size="sm">{t('myCard.lost.revokedText')}</Text>
          <Button h={48} onClick={() => setReported(false)} disabled={!online}>
            {t('myCard.lost.reissue')}
          </Button>
        </Stack>
      </Paper>
    );
  } else if (myCard.isPending) {
    content = <LoadingState label={t('myCard.loading')} />;
  } else if (myCard.isError) {
    const error = myCard.error;
    content =
      error instanceof CardNeedsNetworkError ? (
        <EmptyMessage title={t('myCard.needsNetwork')} description={t('myCard.needsNetworkHint')}>
          <Button variant="light" onClick={() => void myCard.refetch()}>
            {t('common.retry')}
          </Button>
        </EmptyMessage>
      ) : isNoMemberRecord(error) ? (
        <EmptyMessage title={t('memberApp.union.noRecord')} description={t('memberApp.union.noRecordHint')} />
      ) : (
        <ErrorState message={errorMessage(error)} onRetry={() => void myCard.refetch()} />
      );
  } else {
    content = <CardView phoneCard={myCard.data} />;
  }

  const phoneCard = myCard.data;
  return (
    <Stack gap="sm">
      {/* The card's own band names it: the page title is for screen readers, the QR stays above the fold. */}
      <VisuallyHidden component="h1">{t('myCard.title')}</VisuallyHidden>
      {phoneCard && !reported && (!online || phoneCard.fromDevice) && <OfflineNotice phoneCard={phoneCard} />}
      {content}
      {!reported && myCard.isSuccess && <LostPhoneSection onReported={onReported} />}
    </Stack>
  );
}
