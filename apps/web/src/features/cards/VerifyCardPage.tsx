import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { PRESENTATION_MAX_LENGTH } from '@union/contracts/cards';
import {
  IconAlertTriangle,
  IconCamera,
  IconCircleCheck,
  IconCircleX,
  IconRefresh,
  IconWifiOff,
} from '@tabler/icons-react';
import dayjs from 'dayjs';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { DetailList } from '../../ui/DetailList';
import { PublicPageLayout } from '../auth/PublicPageLayout';
import { type CardCheck, checkCard, OfflineNotReadyError } from './card-check';
import { groupMemberCode } from './member-code';
import { OfflineUnsupportedError, UntrustedListError } from './offline-trust';
import { QrScanner } from './QrScanner';
import { useOfflineTrust } from './trust-queries';

/** As the checker reads a time: "14:05 23/05/2026". */
const clock = (ms: number) => dayjs(ms).format('HH:mm DD/MM/YYYY');

type Mode = 'online' | 'offline';

function CheckResult({ check, onAnother }: { check: CardCheck; onAnother: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [check]);
  const { member } = check;
  const Icon = check.valid ? IconCircleCheck : IconCircleX;
  const details = member
    ? [
        { label: t('verifyCard.result.fullName'), value: member.fullName },
        { label: t('verifyCard.result.memberCode'), value: groupMemberCode(member.memberCode) },
        { label: t('verifyCard.result.unit'), value: member.unitName },
        ...(member.status
          ? [{ label: t('verifyCard.result.status'), value: t(`memberStatus.${member.status}`) }]
          : []),
        ...(check.kind
          ? [{ label: t('verifyCard.result.kind'), value: t(`verifyCard.result.${check.kind}`) }]
          : []),
      ]
    : [];
  return (
    <Paper
      withBorder
      radius="md"
      p={0}
      style={{ overflow: 'hidden' }}
      component="section"
      aria-labelledby="verify-result"
    >
      <Group gap="sm" wrap="nowrap" p="md" bg={check.valid ? 'green.8' : 'red.8'} c="white">
        <Icon size={40} stroke={1.8} aria-hidden style={{ flexShrink: 0 }} />
        <Title
          order={2}
          size="h3"
          fw={700}
          id="verify-result"
          ref={heading}
          tabIndex={-1}
          style={{ outline: 'none' }}
        >
          {check.valid ? t('verifyCard.result.valid') : t('verifyCard.result.invalid')}
        </Title>
      </Group>
      <Stack gap="sm" p="md">
        {check.reason && <Text fw={600}>{t(`verifyCard.reasons.${check.reason}`)}</Text>}
        {details.length > 0 && <DetailList details={details} />}
        <Text size="xs" c="dimmed">
          {check.fellBack && `${t('verifyCard.result.serverUnreachable')} `}
          {check.method === 'online'
            ? t('verifyCard.result.checkedOnline', { time: clock(check.checkedAt) })
            : t('verifyCard.result.checkedOffline', {
                time: clock(check.checkedAt),
                listTime: clock(check.listFetchedAt ?? check.checkedAt),
              })}
        </Text>
        <Button variant="light" h={48} onClick={onAnother}>
          {t('verifyCard.result.another')}
        </Button>
      </Stack>
    </Paper>
  );
}

function TrustSection({ trust }: { trust: ReturnType<typeof useOfflineTrust> }) {
  const { t } = useTranslation();
  const { online } = useNetwork();
  const list = trust.trust;
  const outdated = list !== null && list.statusList.validUntil < Date.now();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="verify-trust">
      <Title order={2} size="h5" mb="xs" id="verify-trust">
        {t('verifyCard.trust.title')}
      </Title>
      <Stack gap="sm">
        {list ? (
          <Text size="sm" role="status">
            {t('verifyCard.trust.updatedAt', { time: clock(list.fetchedAt) })}
          </Text>
        ) : (
          !trust.loading && <Text size="sm">{t('verifyCard.trust.none')}</Text>
        )}
        {outdated && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={20} />}>
            {t('verifyCard.trust.outdated', { time: clock(list.statusList.validUntil) })}
          </Alert>
        )}
        {trust.refreshError && online && (
          <Alert color="red" variant="light" role="alert">
            {trust.refreshError instanceof UntrustedListError
              ? t('verifyCard.trust.untrusted')
              : trust.refreshError instanceof OfflineUnsupportedError
                ? t('verifyCard.trust.unsupported')
                : errorMessage(trust.refreshError)}
          </Alert>
        )}
        <Button
          variant="default"
          h={48}
          leftSection={<IconRefresh size={20} aria-hidden />}
          loading={trust.refreshing}
          disabled={!online}
          onClick={() => void trust.refresh()}
        >
          {t('verifyCard.trust.refresh')}
        </Button>
      </Stack>
    </Paper>
  );
}

/**
 * "Kiểm tra thẻ đoàn viên": anyone — a guard, a shop, an officer — checks a union card with the
 * phone's camera or a pasted code, online with the platform or offline with the kept keys and list.
 */
export function VerifyCardPage() {
  const { t } = useTranslation();
  const { online } = useNetwork();
  const [mode, setMode] = useState<Mode>('online');
  const [scanning, setScanning] = useState(false);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [lastScanned, setLastScanned] = useState(false);
  const trust = useOfflineTrust();
  // No network: checked offline, whatever was chosen.
  const checkOnline = mode === 'online' && online;

  const check = useMutation({
    mutationFn: (presentation: string) =>
      checkCard(presentation, { online: checkOnline, trust: trust.trust }),
    // Offline is a way of checking here, not a reason to wait for the network.
    networkMode: 'always',
  });

  const submit = (presentation: string) => {
    const text = presentation.trim();
    if (!text) return setCodeError(t('verifyCard.paste.empty'));
    setCodeError(null);
    check.mutate(text);
  };
  const onScanned = (text: string) => {
    setScanning(false);
    setLastScanned(true);
    setCode(text);
    submit(text);
  };
  const another = () => {
    check.reset();
    setCode('');
    // A guard checking a queue of cards goes straight back to the camera.
    if (lastScanned) setScanning(true);
  };

  return (
    <PublicPageLayout title={t('verifyCard.title')}>
      <Stack gap="md">
        <Text size="sm">{t('verifyCard.intro')}</Text>

        <Stack gap={4}>
          <Text size="sm" fw={500} id="verify-mode">
            {t('verifyCard.mode.label')}
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby="verify-mode"
            value={mode}
            onChange={(value) => setMode(value as Mode)}
            data={[
              { value: 'online', label: t('verifyCard.mode.online') },
              { value: 'offline', label: t('verifyCard.mode.offline') },
            ]}
          />
          {!online && (
            <Group gap="xs" wrap="nowrap" mt={4}>
              <IconWifiOff size={18} aria-hidden style={{ flexShrink: 0 }} />
              <Text size="sm">{t('verifyCard.mode.autoOffline')}</Text>
            </Group>
          )}
        </Stack>

        {check.isPending && (
          <Text role="status" size="sm">
            {t('verifyCard.checking')}
          </Text>
        )}
        {check.isError && (
          <Alert color="red" variant="light" role="alert">
            {check.error instanceof OfflineNotReadyError
              ? t('verifyCard.trust.notReady')
              : errorMessage(check.error)}
          </Alert>
        )}
        {check.data && <CheckResult check={check.data} onAnother={another} />}

        {scanning ? (
          <QrScanner onCode={onScanned} onStop={() => setScanning(false)} />
        ) : (
          <Button
            h={48}
            leftSection={<IconCamera size={20} aria-hidden />}
            onClick={() => {
              check.reset();
              setScanning(true);
            }}
          >
            {t('verifyCard.scan.start')}
          </Button>
        )}

        <form
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            setLastScanned(false);
            submit(code);
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('verifyCard.paste.label')}
              placeholder={t('verifyCard.paste.placeholder')}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={codeError}
              autosize
              minRows={3}
              maxRows={6}
              maxLength={PRESENTATION_MAX_LENGTH * 2}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              styles={{
                input: { fontFamily: 'ui-monospace, monospace', fontSize: 12, wordBreak: 'break-all' },
              }}
            />
            <Button type="submit" variant="default" h={48} loading={check.isPending}>
              {t('verifyCard.paste.submit')}
            </Button>
          </Stack>
        </form>

        <TrustSection trust={trust} />
      </Stack>
    </PublicPageLayout>
  );
}
