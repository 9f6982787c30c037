import { Paper, Stack, Title } from '@mantine/core';
import type { MemberDto } from '@union/contracts/members';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../ui/dates';
import { DetailList } from '../../../ui/DetailList';
import { formatMoney, formatPhone, nationalityName } from '../member-values';
import { MemberStatusBadge } from './MemberBadges';

/** The record as a member or an officer reads it (the member's own view has no `can`). */
export type MemberRecord = Omit<MemberDto, 'can'>;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The record in four sections: identity, contact, work, union. Empty fields show a dash. */
export function MemberDetails({ member }: { member: MemberRecord }) {
  const { t, i18n } = useTranslation();
  const none = t('members.none');
  const text = (value: string | null) => value || none;
  const sensitive = (value: string | null) =>
    member.sensitiveHidden ? t('members.profile.sensitiveHidden') : text(value);
  const foreign = member.nationality !== 'VN';

  const contract = member.contractType
    ? member.contractType === 'fixed_term' && member.contractMonths !== null
      ? `${t('contractType.fixed_term')} · ${t('members.months', { count: member.contractMonths })}`
      : t(`contractType.${member.contractType}`)
    : none;

  return (
    <Stack gap="md">
      <Section id="member-identity" title={t('members.profile.identity')}>
        <DetailList
          details={[
            { label: t('memberField.fullName'), value: member.fullName },
            { label: t('memberField.birthDate'), value: formatDate(member.birthDate) },
            { label: t('memberField.sex'), value: t(`sex.${member.sex}`) },
            ...(foreign
              ? [{ label: t('memberField.passportNumber'), value: text(member.passportNumber) }]
              : [
                  { label: t('memberField.citizenId'), value: text(member.citizenId) },
                  ...(member.legacyIdNumber
                    ? [{ label: t('memberField.legacyIdNumber'), value: member.legacyIdNumber }]
                    : []),
                ]),
            {
              label: t('memberField.nationality'),
              value: nationalityName(member.nationality, i18n.language),
            },
            { label: t('memberField.ethnicity'), value: sensitive(member.ethnicity) },
            { label: t('memberField.religion'), value: sensitive(member.religion) },
            ...(member.sensitiveDataConsentAt
              ? [
                  {
                    label: t('members.profile.consentAt'),
                    value: t('members.profile.consentOn', {
                      date: formatDate(member.sensitiveDataConsentAt),
                    }),
                  },
                ]
              : []),
          ]}
        />
      </Section>
      <Section id="member-contact" title={t('members.profile.contact')}>
        <DetailList
          details={[
            { label: t('memberField.phone'), value: member.phone ? formatPhone(member.phone) : none },
            { label: t('memberField.email'), value: text(member.email) },
            { label: t('memberField.addressLine'), value: text(member.addressLine) },
            { label: t('memberField.provinceCode'), value: text(member.provinceCode) },
            { label: t('memberField.communeCode'), value: text(member.communeCode) },
          ]}
        />
      </Section>
      <Section id="member-work" title={t('members.profile.work')}>
        <DetailList
          details={[
            { label: t('memberField.employerName'), value: text(member.employerName) },
            { label: t('memberField.employerTaxCode'), value: text(member.employerTaxCode) },
            { label: t('memberField.contractType'), value: contract },
            { label: t('memberField.occupation'), value: text(member.occupation) },
            { label: t('memberField.qualification'), value: text(member.qualification) },
            {
              label: t('memberField.insuredSalary'),
              value: member.insuredSalary === null ? none : formatMoney(member.insuredSalary),
            },
          ]}
        />
      </Section>
      <Section id="member-union" title={t('members.profile.union')}>
        <DetailList
          details={[
            { label: t('memberField.memberCode'), value: member.memberCode },
            { label: t('memberField.cardNumber'), value: text(member.cardNumber) },
            { label: t('memberField.joinedAt'), value: formatDate(member.joinedAt) },
            { label: t('memberField.grassrootsUnit'), value: member.grassrootsUnitName },
            ...(member.unitId !== member.grassrootsUnitId
              ? [{ label: t('memberField.unit'), value: member.unitName }]
              : []),
            { label: t('memberField.unionPosition'), value: text(member.unionPosition) },
            { label: t('memberField.status'), value: <MemberStatusBadge status={member.status} /> },
            {
              label: t('memberField.duesExempt'),
              value: member.duesExempt ? t('members.yes') : t('members.no'),
            },
            { label: t('memberField.honorary'), value: member.honorary ? t('members.yes') : t('members.no') },
          ]}
        />
      </Section>
    </Stack>
  );
}
