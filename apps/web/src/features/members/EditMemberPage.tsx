import { Button, Group, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MemberDto, UpdateMemberBody } from '@union/contracts/members';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { serverFieldErrors } from '../../app/form-errors';
import { useForm } from '../../app/use-form';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { useCan } from '../auth/session';
import { updateMember } from './api';
import { BackLink } from './components/BackLink';
import { MemberRecordFields } from './components/MemberRecordFields';
import {
  changedFields,
  checkRecord,
  focusFirstError,
  formFromRecord,
  placeErrors,
  toMemberFields,
} from './member-form';
import { useMember, useMemberMutation } from './queries';

/** Identity clashes answer on the field they concern. */
const IDENTITY_FIELDS: Record<string, string> = {
  'member.citizen_id_taken': 'citizenId',
  'member.passport_taken': 'passportNumber',
};

function EditMemberForm({ member }: { member: MemberDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Sensitive fields only for those who may read them here, and never over data hidden from them.
  const withSensitive = useCan('members.read_sensitive') && !member.sensitiveHidden;
  // The record as the form opened on it: the change sent is what the user changed, even if it refreshes meanwhile.
  const [initial] = useState(() => formFromRecord(member));
  const [initialConsent] = useState(member.sensitiveDataConsentAt !== null);
  const [consent, setConsent] = useState(initialConsent);
  const form = useForm(initial);
  const update = useMemberMutation((body: UpdateMemberBody) => updateMember(member.id, body));
  const [nothingChanged, setNothingChanged] = useState(false);
  const profile = `/members/${member.id}`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNothingChanged(false);
    const errors = checkRecord(toMemberFields(form.values, consent, withSensitive), form.values);
    if (!form.values.joinedAt.trim()) errors.joinedAt = t('validation.required');
    const formElement = event.currentTarget;
    if (Object.values(errors).some(Boolean)) {
      form.setErrors(errors);
      return focusFirstError(formElement);
    }
    const changes = changedFields(
      initial,
      form.values,
      { initial: initialConsent, now: consent },
      withSensitive,
    );
    if (Object.keys(changes).length === 0) return setNothingChanged(true);
    update.mutate(changes as UpdateMemberBody, {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: t('members.edit.done', { name: saved.fullName }) });
        void navigate(profile);
      },
      onError: (error) => {
        const fields = placeErrors(serverFieldErrors(error), form.values);
        const identityField = error instanceof ApiError ? IDENTITY_FIELDS[error.code] : undefined;
        if (identityField) fields[identityField] = error.message;
        form.setErrors(fields);
        focusFirstError(formElement);
      },
    });
  };

  const failure =
    update.error && !(update.error instanceof ApiError && IDENTITY_FIELDS[update.error.code])
      ? errorMessage(update.error)
      : nothingChanged
        ? t('members.edit.nothing')
        : undefined;

  return (
    <Paper withBorder p="md" maw={900}>
      <form onSubmit={submit} noValidate autoComplete="off">
        <Stack gap="lg">
          <MemberRecordFields
            form={form}
            withSensitive={withSensitive}
            consent={consent}
            onConsentChange={setConsent}
            consentWasGiven={initialConsent}
            sensitiveHidden={member.sensitiveHidden}
            joinedAtRequired
          />
          <FormErrorAlert message={failure} />
          <Group gap="sm">
            <Button type="submit" loading={update.isPending}>
              {t('members.edit.submit')}
            </Button>
            <Button component={Link} to={profile} variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function EditMemberView({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const member = useMember(memberId);

  if (member.error instanceof ApiError && member.error.status === 404)
    return (
      <EmptyMessage title={t('members.profile.notFound')} description={t('members.profile.notFoundHint')} />
    );
  if (member.isPending) return <LoadingState />;
  if (member.isError)
    return <ErrorState message={errorMessage(member.error)} onRetry={() => void member.refetch()} />;

  const current = member.data;
  return (
    <>
      <PageHeader
        above={<BackLink to={`/members/${current.id}`} label={current.fullName} />}
        title={t('members.edit.title', { name: current.fullName })}
        description={`${current.memberCode} · ${current.grassrootsUnitName}`}
      />
      {current.can.update ? (
        <EditMemberForm member={current} />
      ) : (
        <EmptyMessage title={t('members.edit.notAllowed')} description={t('members.edit.notAllowedHint')} />
      )}
    </>
  );
}

export function EditMemberPage() {
  const memberId = Number(useParams().memberId);
  const { t } = useTranslation();
  if (!Number.isSafeInteger(memberId) || memberId <= 0)
    return (
      <EmptyMessage title={t('members.profile.notFound')} description={t('members.profile.notFoundHint')} />
    );
  return <EditMemberView key={memberId} memberId={memberId} />;
}
