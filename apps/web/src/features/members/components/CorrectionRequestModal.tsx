import { Group, Modal, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type CorrectionRequestBody, MEMBER_NAME_MAX, REASON_MAX, SEXES } from '@union/contracts/members';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { serverFieldErrors } from '../../../app/form-errors';
import { optional, useForm } from '../../../app/use-form';
import { DateField } from '../../../ui/DateField';
import { todayIsoDate } from '../../../ui/dates';
import { DialogActions } from '../../../ui/DialogActions';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { requestCorrection } from '../api';
import { changedFields, checkRecord, formFromRecord, toMemberFields } from '../member-form';
import { useMemberMutation } from '../queries';
import type { MemberRecord } from './MemberDetails';

type CorrectionRequestProps = { member: MemberRecord; onClose: () => void };

function CorrectionRequestForm({ member, onClose }: CorrectionRequestProps) {
  const { t } = useTranslation();
  const [initial] = useState(() => formFromRecord(member));
  const form = useForm(initial);
  const [note, setNote] = useState('');
  const [nothingChanged, setNothingChanged] = useState(false);
  const request = useMemberMutation(requestCorrection);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNothingChanged(false);
    // The record after the change must still pass every rule, as the server will check it.
    const errors = checkRecord(toMemberFields(form.values, false, false), form.values);
    if (Object.values(errors).some(Boolean)) return form.setErrors(errors);
    const changes = changedFields(initial, form.values, { initial: false, now: false }, false);
    if (Object.keys(changes).length === 0) return setNothingChanged(true);
    const body = { changes, note: optional(note) } as CorrectionRequestBody;
    request.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('members.own.done') });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  const failure = request.error
    ? errorMessage(request.error)
    : nothingChanged
      ? t('members.edit.nothing')
      : undefined;

  return (
    <form onSubmit={submit} noValidate autoComplete="off">
      <Stack gap="md">
        <Text size="sm">{t('members.own.correctionIntro')}</Text>
        <TextInput
          label={t('memberField.fullName')}
          required
          maxLength={MEMBER_NAME_MAX}
          {...form.field('fullName')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <DateField
            label={t('memberField.birthDate')}
            required
            maxDate={todayIsoDate()}
            {...form.dateField('birthDate')}
          />
          <Radio.Group
            label={t('memberField.sex')}
            required
            value={form.values.sex}
            onChange={(value) => form.setValue('sex', value)}
            error={form.errors.sex}
          >
            <Group gap="lg" mt={8}>
              {SEXES.map((sex) => (
                <Radio key={sex} value={sex} label={t(`sex.${sex}`)} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput
            label={t('memberField.citizenId')}
            inputMode="numeric"
            maxLength={14}
            {...form.field('citizenId')}
          />
          <TextInput type="tel" label={t('memberField.phone')} maxLength={20} {...form.field('phone')} />
          <TextInput type="email" label={t('memberField.email')} maxLength={200} {...form.field('email')} />
          <TextInput label={t('memberField.addressLine')} maxLength={300} {...form.field('addressLine')} />
          <TextInput
            label={t('memberField.provinceCode')}
            inputMode="numeric"
            maxLength={2}
            {...form.field('provinceCode')}
          />
          <TextInput
            label={t('memberField.communeCode')}
            inputMode="numeric"
            maxLength={5}
            {...form.field('communeCode')}
          />
          <TextInput label={t('memberField.employerName')} maxLength={300} {...form.field('employerName')} />
          <TextInput label={t('memberField.occupation')} maxLength={200} {...form.field('occupation')} />
          <TextInput
            label={t('memberField.qualification')}
            maxLength={200}
            {...form.field('qualification')}
          />
        </SimpleGrid>
        <Textarea
          label={t('members.own.note')}
          placeholder={t('members.own.notePlaceholder')}
          autosize
          minRows={2}
          maxLength={REASON_MAX}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <FormErrorAlert message={failure} />
        <DialogActions onCancel={onClose} submitLabel={t('members.own.submit')} loading={request.isPending} />
      </Stack>
    </form>
  );
}

/** A member asks for their own record to be corrected; an officer of their union decides. */
export function CorrectionRequestModal({
  member,
  opened,
  onClose,
}: CorrectionRequestProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('members.own.correctionTitle')} size="lg">
      {opened && <CorrectionRequestForm member={member} onClose={onClose} />}
    </Modal>
  );
}
