import {
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  CONTRACT_TYPES,
  FOREIGN_MIN_CONTRACT_MONTHS,
  INSURED_SALARY_MAX,
  MEMBER_NAME_MAX,
  SEXES,
  type ContractType,
} from '@union/contracts/members';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { useForm } from '../../../app/use-form';
import { DateField } from '../../../ui/DateField';
import { todayIsoDate } from '../../../ui/dates';
import { isForeign, isShown, type MemberFormValues } from '../member-form';
import { nationalityName } from '../member-values';

type MemberForm = ReturnType<typeof useForm<MemberFormValues>>;

function Legend({ children }: { children: ReactNode }) {
  return (
    <Text component="span" fw={700} size="lg">
      {children}
    </Text>
  );
}

type MemberRecordFieldsProps = {
  form: MemberForm;
  /** Ethnicity and religion: only for users who may read sensitive data. */
  withSensitive: boolean;
  consent: boolean;
  onConsentChange: (consent: boolean) => void;
  /** The record held sensitive data with consent: unticking withdraws it. */
  consentWasGiven?: boolean;
  /** The record holds sensitive data this user may not see. */
  sensitiveHidden?: boolean;
  /** Fields of the union section only one form has (the unit and application date of an admission). */
  unionFields?: ReactNode;
  /** An admission may leave the joining date blank (today); an edit keeps the one on record. */
  joinedAtRequired?: boolean;
};

/** Every field of the record, in the four groups of the profile; shared by the admit and edit forms. */
export function MemberRecordFields({
  form,
  withSensitive,
  consent,
  onConsentChange,
  consentWasGiven = false,
  sensitiveHidden = false,
  unionFields,
  joinedAtRequired = false,
}: MemberRecordFieldsProps) {
  const { t, i18n } = useTranslation();
  const { values } = form;
  const shown = (field: keyof MemberFormValues) => isShown(field, values, consent);
  const foreign = isForeign(values);
  const today = todayIsoDate();
  const nationality = values.nationality.trim().toUpperCase();

  // Mantine's number inputs hand back a number, or a string while the input is blank or half typed.
  const numberField = (name: 'contractMonths' | 'insuredSalary') => ({
    name,
    value: values[name],
    error: form.errors[name],
    onChange: (value: number | string) => form.setValue(name, String(value)),
  });

  return (
    <Stack gap="lg">
      <Fieldset legend={<Legend>{t('members.form.identity')}</Legend>} variant="unstyled">
        <Stack gap="md">
          <TextInput
            label={t('memberField.fullName')}
            placeholder={t('members.form.fullNamePlaceholder')}
            required
            maxLength={MEMBER_NAME_MAX}
            autoComplete="off"
            {...form.field('fullName')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <DateField
              label={t('memberField.birthDate')}
              required
              maxDate={today}
              {...form.dateField('birthDate')}
            />
            <Radio.Group
              label={t('memberField.sex')}
              required
              value={values.sex}
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
              label={t('memberField.nationality')}
              description={
                nationality.length === 2
                  ? nationalityName(nationality, i18n.language)
                  : t('members.form.nationalityHint')
              }
              maxLength={2}
              autoComplete="off"
              {...form.field('nationality')}
              onChange={(event) => form.setValue('nationality', event.currentTarget.value.toUpperCase())}
            />
            {shown('citizenId') && (
              <TextInput
                label={t('memberField.citizenId')}
                description={t('members.form.citizenIdHint')}
                inputMode="numeric"
                maxLength={14}
                autoComplete="off"
                {...form.field('citizenId')}
              />
            )}
            {shown('legacyIdNumber') && (
              <TextInput
                label={t('memberField.legacyIdNumber')}
                inputMode="numeric"
                maxLength={12}
                autoComplete="off"
                {...form.field('legacyIdNumber')}
              />
            )}
            {shown('passportNumber') && (
              <TextInput
                label={t('memberField.passportNumber')}
                description={t('members.form.passportHint')}
                required={foreign}
                maxLength={20}
                autoComplete="off"
                {...form.field('passportNumber')}
                onChange={(event) => form.setValue('passportNumber', event.currentTarget.value.toUpperCase())}
              />
            )}
          </SimpleGrid>
        </Stack>
      </Fieldset>

      {withSensitive && (
        <Fieldset legend={<Legend>{t('members.form.sensitive')}</Legend>} variant="unstyled">
          <Stack gap="md">
            <Checkbox
              label={t('members.form.consent')}
              description={
                consentWasGiven ? t('members.form.consentWithdraw') : t('members.form.consentHint')
              }
              checked={consent}
              onChange={(event) => onConsentChange(event.currentTarget.checked)}
            />
            {consent && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput label={t('memberField.ethnicity')} maxLength={60} {...form.field('ethnicity')} />
                <TextInput label={t('memberField.religion')} maxLength={60} {...form.field('religion')} />
              </SimpleGrid>
            )}
          </Stack>
        </Fieldset>
      )}
      {sensitiveHidden && (
        <Text size="sm" c="dimmed">
          {t('members.form.sensitiveHidden')}
        </Text>
      )}

      <Fieldset legend={<Legend>{t('members.form.contact')}</Legend>} variant="unstyled">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            type="tel"
            label={t('memberField.phone')}
            description={t('members.form.phoneHint')}
            placeholder="0912345678"
            autoComplete="off"
            maxLength={20}
            {...form.field('phone')}
          />
          <TextInput
            type="email"
            label={t('memberField.email')}
            autoComplete="off"
            maxLength={200}
            {...form.field('email')}
          />
          <TextInput label={t('memberField.addressLine')} maxLength={300} {...form.field('addressLine')} />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('memberField.provinceCode')}
              description={t('members.form.provinceCodeHint')}
              inputMode="numeric"
              maxLength={2}
              {...form.field('provinceCode')}
            />
            <TextInput
              label={t('memberField.communeCode')}
              description={t('members.form.communeCodeHint')}
              inputMode="numeric"
              maxLength={5}
              {...form.field('communeCode')}
            />
          </SimpleGrid>
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={<Legend>{t('members.form.work')}</Legend>} variant="unstyled">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('memberField.employerName')} maxLength={300} {...form.field('employerName')} />
          <TextInput
            label={t('memberField.employerTaxCode')}
            description={t('members.form.taxCodeHint')}
            inputMode="numeric"
            maxLength={14}
            {...form.field('employerTaxCode')}
          />
          <Select<ContractType>
            label={t('memberField.contractType')}
            placeholder={t('members.form.contractTypePlaceholder')}
            description={foreign ? t('members.form.foreignContractHint') : undefined}
            required={foreign}
            data={CONTRACT_TYPES.map((value) => ({ value, label: t(`contractType.${value}`) }))}
            value={(values.contractType || null) as ContractType | null}
            onChange={(value) => form.setValue('contractType', value ?? '')}
            error={form.errors.contractType}
            clearable
          />
          {shown('contractMonths') && (
            <NumberInput
              label={t('memberField.contractMonths')}
              required
              min={foreign ? FOREIGN_MIN_CONTRACT_MONTHS : 1}
              max={1200}
              allowDecimal={false}
              allowNegative={false}
              {...numberField('contractMonths')}
            />
          )}
          <TextInput label={t('memberField.occupation')} maxLength={200} {...form.field('occupation')} />
          <TextInput
            label={t('memberField.qualification')}
            maxLength={200}
            {...form.field('qualification')}
          />
          <NumberInput
            label={t('memberField.insuredSalary')}
            min={0}
            max={INSURED_SALARY_MAX}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator="."
            hideControls
            decimalSeparator=","
            suffix=" ₫"
            {...numberField('insuredSalary')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={<Legend>{t('members.form.union')}</Legend>} variant="unstyled">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {unionFields}
          <DateField
            label={t('memberField.joinedAt')}
            description={joinedAtRequired ? undefined : t('members.form.joinedAtHint')}
            required={joinedAtRequired}
            maxDate={today}
            {...form.dateField('joinedAt')}
          />
          <TextInput label={t('memberField.cardNumber')} maxLength={30} {...form.field('cardNumber')} />
          <TextInput
            label={t('memberField.unionPosition')}
            maxLength={200}
            {...form.field('unionPosition')}
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
