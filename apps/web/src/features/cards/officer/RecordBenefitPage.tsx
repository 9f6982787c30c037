import { Alert, Button, NumberInput, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconCamera, IconCircleCheck, IconCircleX, IconDiscount } from '@tabler/icons-react';
import {
  BENEFIT_DESCRIPTION_MAX,
  RecordBenefitBody,
  type RecordBenefitResponse,
} from '@union/contracts/cards';
import { type FormEvent, lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { type FieldErrors, serverFieldErrors, validate } from '../../../app/form-errors';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { LoadingState } from '../../../ui/states';
import { recordBenefitUse } from './api';
import { formatVnd } from './benefit-format';

const AMOUNT_MAX = 1_000_000_000;

// The camera reader (and its decoder) is fetched only when the merchant scans.
const QrScanner = lazy(() => import('../QrScanner').then((m) => ({ default: m.QrScanner })));

/** What was checked, with what the merchant entered, so the answer stays true while the form is edited. */
type Outcome = { answer: RecordBenefitResponse; benefit: string; amountVnd: number | undefined };

function Verdict({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const { answer } = outcome;
  const holder = answer.member && (
    <Stack gap={2}>
      <Text fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
        {answer.member.fullName}
      </Text>
      <Text size="sm">
        {t('officerCards.record.memberCode', { code: answer.member.memberCode })}
        {answer.kind && ` · ${t(`officerCards.kind.${answer.kind}`)}`}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {answer.member.unitName}
      </Text>
    </Stack>
  );

  if (answer.valid)
    return (
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck size={22} />}
        title={t('officerCards.record.recorded')}
        role="status"
      >
        <Stack gap="xs">
          <Text size="sm">{t('officerCards.record.valid')}</Text>
          {holder}
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {outcome.amountVnd === undefined
              ? outcome.benefit
              : `${outcome.benefit} · ${formatVnd(outcome.amountVnd)}`}
          </Text>
        </Stack>
      </Alert>
    );

  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconCircleX size={22} />}
      title={t('officerCards.record.invalid')}
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">{answer.reason ? t(`verifyCard.reasons.${answer.reason}`) : null}</Text>
        {holder && (
          <>
            <Text size="xs" c="dimmed">
              {t('officerCards.record.cardOf')}
            </Text>
            {holder}
          </>
        )}
        <Text size="sm">{t('officerCards.record.notRecorded')}</Text>
      </Stack>
    </Alert>
  );
}

/**
 * A partner merchant checks the card a member shows and records the benefit given. The code comes from
 * a QR scanner that types into the field (most USB and Bluetooth ones do), or is pasted.
 */
export function RecordBenefitPage() {
  const { t } = useTranslation();
  const codeField = useRef<HTMLTextAreaElement>(null);
  const benefitField = useRef<HTMLInputElement>(null);
  const [scanning, setScanning] = useState(false);
  const [presentation, setPresentation] = useState('');
  // The benefit stays between customers: a shop usually gives the same one all day.
  const [benefit, setBenefit] = useState('');
  const [amount, setAmount] = useState<number | ''>('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const record = useMutation({
    mutationFn: recordBenefitUse,
    onSuccess: (answer, body) => {
      setOutcome({ answer, benefit: body.benefit, amountVnd: body.amountVnd });
      if (answer.valid) {
        setPresentation('');
        setAmount('');
      }
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  const check = (scanned: string) => {
    setOutcome(null);
    // A scanned or pasted code may carry line breaks or spaces; the code itself has none.
    const code = scanned.replace(/\s+/g, '');
    const result = validate(RecordBenefitBody, {
      presentation: code,
      benefit,
      ...(amount === '' ? {} : { amountVnd: amount }),
    });
    const missingCode = code === '' ? { presentation: t('validation.required') } : {};
    if (!result.ok || code === '') return setErrors({ ...(result.ok ? {} : result.errors), ...missingCode });
    setErrors({});
    record.mutate(result.data);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    check(presentation);
  };

  // A phone card's code lives about a minute: with the benefit already written, it is checked at once.
  const scanned = (text: string) => {
    setScanning(false);
    setPresentation(text);
    if (benefit.trim() === '') {
      setOutcome(null);
      benefitField.current?.focus();
      return;
    }
    check(text);
  };

  const next = () => {
    setOutcome(null);
    record.reset();
    codeField.current?.focus();
  };

  return (
    <>
      <PageHeader title={t('officerCards.record.title')} description={t('officerCards.record.intro')} />
      <Stack gap="md" maw={560}>
        {/* Above the form: on a phone the answer is where the eye already is. */}
        {outcome && (
          <>
            <Verdict outcome={outcome} />
            <Button variant="default" onClick={next} style={{ alignSelf: 'flex-start' }}>
              {t('officerCards.record.next')}
            </Button>
          </>
        )}
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              {scanning ? (
                <Suspense fallback={<LoadingState />}>
                  <QrScanner onCode={scanned} onStop={() => setScanning(false)} />
                </Suspense>
              ) : (
                <Button
                  variant="light"
                  leftSection={<IconCamera size={18} aria-hidden />}
                  onClick={() => {
                    setOutcome(null);
                    setScanning(true);
                  }}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('officerCards.record.scan')}
                </Button>
              )}
              <Textarea
                ref={codeField}
                label={t('officerCards.record.code')}
                description={t('officerCards.record.codeHint')}
                required
                autosize
                minRows={2}
                maxRows={5}
                autoComplete="off"
                spellCheck={false}
                value={presentation}
                onChange={(event) => {
                  setPresentation(event.currentTarget.value);
                  setErrors((current) => ({ ...current, presentation: undefined }));
                }}
                error={errors.presentation}
                styles={{ input: { fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' } }}
              />
              <TextInput
                ref={benefitField}
                label={t('officerCards.record.benefit')}
                placeholder={t('officerCards.record.benefitPlaceholder')}
                required
                maxLength={BENEFIT_DESCRIPTION_MAX}
                value={benefit}
                onChange={(event) => {
                  setBenefit(event.currentTarget.value);
                  setErrors((current) => ({ ...current, benefit: undefined }));
                }}
                error={errors.benefit}
              />
              <NumberInput
                label={t('officerCards.record.amount')}
                description={t('officerCards.record.amountHint')}
                value={amount}
                onChange={(value) => {
                  setAmount(typeof value === 'number' ? value : '');
                  setErrors((current) => ({ ...current, amountVnd: undefined }));
                }}
                error={errors.amountVnd}
                min={0}
                max={AMOUNT_MAX}
                allowNegative={false}
                allowDecimal={false}
                thousandSeparator="."
                decimalSeparator=","
                rightSection={
                  <Text size="sm" c="dimmed">
                    ₫
                  </Text>
                }
                inputMode="numeric"
              />
              <FormErrorAlert message={record.error ? errorMessage(record.error) : undefined} />
              <Button
                type="submit"
                leftSection={<IconDiscount size={18} />}
                loading={record.isPending}
                style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
                styles={{ label: { whiteSpace: 'normal' } }}
              >
                {t('officerCards.record.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </>
  );
}
