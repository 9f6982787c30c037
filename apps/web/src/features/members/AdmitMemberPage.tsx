import { Alert, Anchor, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IsoDate } from '@union/contracts/common';
import { type AdmitMemberBody, MEMBER_SEARCH_MIN, type MemberDto } from '@union/contracts/members';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../app/api-client';
import { type FieldErrors, serverFieldErrors } from '../../app/form-errors';
import { useForm } from '../../app/use-form';
import { DateField } from '../../ui/DateField';
import { todayIsoDate } from '../../ui/dates';
import { DialogActions } from '../../ui/DialogActions';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { useCan } from '../auth/session';
import { type UnitChoice, UnitPicker } from '../units/components/UnitPicker';
import { CitizenIdTakenDetails, DuplicateCheckDto } from '@union/contracts/members';
import { ApiError } from '../../app/api-client';
import { admitMember } from './api';
import { BackLink } from './components/BackLink';
import { DuplicateCandidateList, DuplicateWarning } from './components/DuplicateCandidates';
import { MemberRecordFields } from './components/MemberRecordFields';
import { TransferInModal } from './components/TransferInModal';
import { codeMessage } from './member-errors';
import { checkRecord, EMPTY_MEMBER_FORM, focusFirstError, placeErrors, toMemberFields } from './member-form';
import { holdsMembers, useOfficeUnits } from './member-units';
import { useDuplicateCheck, useMemberMutation } from './queries';

/** Refusals about the chosen unit: shown under the unit picker. */
const UNIT_CODES = new Set(['unit.not_found', 'member.unit_not_grassroots', 'member.unit_closed']);
/** Refusals this page answers in place (a field, a panel, a dialog) rather than in the alert. */
const ANSWERED_IN_PLACE = new Set([
  ...UNIT_CODES,
  'member.citizen_id_taken',
  'member.passport_taken',
  'member.probable_duplicate',
]);

/** The citizen ID is already a current member: open that record, or ask for the member to be transferred here. */
function CitizenIdTaken({
  details,
  onRequestTransfer,
}: {
  details: CitizenIdTakenDetails;
  onRequestTransfer: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('members.admit.takenTitle')} role="alert" p="sm">
      <Stack gap="xs" align="flex-start">
        {details.inScope && details.memberId !== undefined ? (
          <>
            <Text size="sm">
              {t('members.admit.takenInScope', {
                code: details.memberCode ?? '',
                unit: details.unitName ?? '',
              })}
            </Text>
            <Anchor component={Link} to={`/members/${details.memberId}`} size="sm" fw={500}>
              {t('members.admit.takenOpen')}
            </Anchor>
          </>
        ) : (
          <Text size="sm">{t('members.admit.takenElsewhere')}</Text>
        )}
        {details.transferPossible && (
          <Button size="xs" variant="light" onClick={onRequestTransfer}>
            {t('members.admit.requestTransfer')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

function useDuplicateWarning(fullName: string, birthDate: string) {
  const [name] = useDebouncedValue(fullName.trim(), 500);
  const [date] = useDebouncedValue(birthDate, 500);
  const ready = name.length >= MEMBER_SEARCH_MIN && IsoDate.safeParse(date).success && date <= todayIsoDate();
  return useDuplicateCheck(name, date, ready);
}

export function AdmitMemberPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const withSensitive = useCan('members.read_sensitive');
  const officeUnits = useOfficeUnits(true);
  const [unit, setUnit] = useState<UnitChoice | null>(officeUnits.length === 1 ? officeUnits[0]! : null);
  const [applicationDate, setApplicationDate] = useState('');
  const [consent, setConsent] = useState(false);
  const form = useForm(EMPTY_MEMBER_FORM);
  const admit = useMemberMutation(admitMember);
  const duplicates = useDuplicateWarning(form.values.fullName, form.values.birthDate);

  const [taken, setTaken] = useState<CitizenIdTakenDetails | null>(null);
  const [probable, setProbable] = useState<{ body: AdmitMemberBody; found: DuplicateCheckDto } | null>(null);
  const [transferInOpened, setTransferInOpened] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const admitted = (member: MemberDto) => {
    notifications.show({
      color: 'green',
      message: t('members.admit.done', { name: member.fullName, code: member.memberCode }),
    });
    void navigate(`/members/${member.id}`);
  };

  const refused = (body: AdmitMemberBody) => (error: Error) => {
    setProbable(null);
    if (!(error instanceof ApiError)) return;
    const fields: FieldErrors = placeErrors(serverFieldErrors(error), form.values);
    if (UNIT_CODES.has(error.code)) fields.unitId = error.message;
    if (error.code === 'member.passport_taken') fields.passportNumber = error.message;
    if (error.code === 'member.citizen_id_taken') {
      fields.citizenId = t('members.admit.takenTitle');
      const details = CitizenIdTakenDetails.safeParse(error.details);
      setTaken(details.success ? details.data : { inScope: false, transferPossible: false });
    }
    if (error.code === 'member.probable_duplicate') {
      const found = DuplicateCheckDto.safeParse(error.details);
      setProbable({ body, found: found.success ? found.data : { candidates: [], elsewhere: 0 } });
    }
    form.setErrors(fields);
    if (formRef.current) focusFirstError(formRef.current);
  };

  const send = (body: AdmitMemberBody) => admit.mutate(body, { onSuccess: admitted, onError: refused(body) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTaken(null);
    const fields = toMemberFields(form.values, consent, withSensitive);
    const errors = checkRecord(fields, form.values);
    if (!unit) errors.unitId = t('validation.required');
    if (applicationDate > todayIsoDate()) errors.applicationDate = codeMessage('member.date_in_future');
    if (Object.values(errors).some(Boolean)) {
      form.setErrors(errors);
      return focusFirstError(event.currentTarget);
    }
    send({ ...fields, unitId: unit!.id, applicationDate: applicationDate || undefined });
  };

  const failure =
    admit.error && !(admit.error instanceof ApiError && ANSWERED_IN_PLACE.has(admit.error.code))
      ? errorMessage(admit.error)
      : undefined;

  return (
    <>
      <PageHeader
        above={<BackLink to="/members" label={t('members.profile.back')} />}
        title={t('members.admit.title')}
        description={t('members.admit.intro')}
      />
      <Paper withBorder p="md" maw={900}>
        <form ref={formRef} onSubmit={submit} noValidate autoComplete="off">
          <Stack gap="lg">
            <MemberRecordFields
              form={form}
              withSensitive={withSensitive}
              consent={consent}
              onConsentChange={setConsent}
              unionFields={
                <>
                  <UnitPicker
                    label={t('members.form.unit')}
                    description={t('members.form.unitHint')}
                    required
                    value={unit}
                    onChange={(choice) => {
                      setUnit(choice);
                      form.clearError('unitId');
                    }}
                    suggestions={officeUnits}
                    accepts={holdsMembers}
                    error={form.errors.unitId}
                  />
                  <DateField
                    label={t('memberField.applicationDate')}
                    maxDate={todayIsoDate()}
                    value={applicationDate}
                    onChange={(value) => {
                      setApplicationDate(value);
                      form.clearError('applicationDate');
                    }}
                    error={form.errors.applicationDate}
                  />
                </>
              }
            />
            <DuplicateWarning found={duplicates.data} />
            {taken && <CitizenIdTaken details={taken} onRequestTransfer={() => setTransferInOpened(true)} />}
            <FormErrorAlert message={failure} />
            <Group gap="sm">
              <Button type="submit" loading={admit.isPending}>
                {t('members.admit.submit')}
              </Button>
              <Button component={Link} to="/members" variant="default">
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <Modal
        opened={probable !== null}
        onClose={() => setProbable(null)}
        title={t('members.admit.duplicateTitle')}
      >
        {probable && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              send({ ...probable.body, notDuplicate: true });
            }}
          >
            <Stack gap="md">
              <Text size="sm">{t('members.admit.duplicateText')}</Text>
              <DuplicateCandidateList found={probable.found} />
              <DialogActions
                onCancel={() => setProbable(null)}
                submitLabel={t('members.admit.notDuplicate')}
                loading={admit.isPending}
              />
            </Stack>
          </form>
        )}
      </Modal>

      <TransferInModal
        opened={transferInOpened}
        onClose={() => setTransferInOpened(false)}
        citizenId={form.values.citizenId.replace(/\s/g, '')}
        unit={unit}
      />
    </>
  );
}
