import { Button, Drawer, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  AGE_BANDS,
  type AgeBand,
  MEMBER_STATUSES,
  type MemberStatus,
  SEXES,
  type Sex,
} from '@union/contracts/members';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../ui/DateField';
import { todayIsoDate } from '../../../ui/dates';
import { type UnitChoice, UnitPicker } from '../../units/components/UnitPicker';
import type { MemberFilters } from '../api';
import { useOfficeUnits } from '../member-units';

type FiltersFormProps = {
  filters: MemberFilters;
  unit: UnitChoice | null;
  onApply: (filters: MemberFilters) => void;
  onClose: () => void;
};

function FiltersForm({ filters, unit: initialUnit, onApply, onClose }: FiltersFormProps) {
  const { t } = useTranslation();
  const officeUnits = useOfficeUnits();
  const [unit, setUnit] = useState<UnitChoice | null>(initialUnit);
  const [status, setStatus] = useState<MemberStatus | null>(filters.status ?? null);
  const [sex, setSex] = useState<Sex | null>(filters.sex ?? null);
  const [ageBand, setAgeBand] = useState<AgeBand | null>(filters.ageBand ?? null);
  const [employer, setEmployer] = useState(filters.employer ?? '');
  const [joinedFrom, setJoinedFrom] = useState(filters.joinedFrom ?? '');
  const [joinedTo, setJoinedTo] = useState(filters.joinedTo ?? '');
  const rangeInvalid = joinedFrom !== '' && joinedTo !== '' && joinedTo < joinedFrom;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (rangeInvalid) return;
    onApply({
      q: filters.q,
      unitId: unit?.id,
      status: status ?? undefined,
      sex: sex ?? undefined,
      ageBand: ageBand ?? undefined,
      employer: employer.trim() || undefined,
      joinedFrom: joinedFrom || undefined,
      joinedTo: joinedTo || undefined,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <UnitPicker
          label={t('members.filters.unit')}
          description={t('members.filters.unitHint')}
          value={unit}
          onChange={setUnit}
          suggestions={officeUnits}
        />
        <Select<MemberStatus>
          label={t('memberField.status')}
          placeholder={t('members.filters.anyStatus')}
          data={MEMBER_STATUSES.map((value) => ({ value, label: t(`memberStatus.${value}`) }))}
          value={status}
          onChange={setStatus}
          clearable
        />
        <SimpleGrid cols={2} spacing="sm">
          <Select<Sex>
            label={t('memberField.sex')}
            placeholder={t('members.filters.anySex')}
            data={SEXES.map((value) => ({ value, label: t(`sex.${value}`) }))}
            value={sex}
            onChange={setSex}
            clearable
          />
          <Select<AgeBand>
            label={t('members.filters.ageBand')}
            placeholder={t('members.filters.anyAge')}
            data={AGE_BANDS.map((value) => ({ value, label: t(`ageBand.${value}`) }))}
            value={ageBand}
            onChange={setAgeBand}
            clearable
          />
        </SimpleGrid>
        <TextInput
          label={t('members.filters.employer')}
          placeholder={t('members.filters.employerPlaceholder')}
          maxLength={100}
          value={employer}
          onChange={(event) => setEmployer(event.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField
            label={t('members.filters.joinedFrom')}
            maxDate={todayIsoDate()}
            value={joinedFrom}
            onChange={setJoinedFrom}
          />
          <DateField
            label={t('members.filters.joinedTo')}
            value={joinedTo}
            onChange={setJoinedTo}
            error={rangeInvalid ? t('members.filters.joinedRangeInvalid') : undefined}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('members.filters.apply')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The list's filters in a side panel: a draft until applied, so the list does not jump while choosing. */
export function MemberFiltersDrawer({ opened, ...formProps }: FiltersFormProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={formProps.onClose}
      title={t('members.filters.title')}
      position="right"
      size="md"
    >
      {opened && <FiltersForm {...formProps} />}
    </Drawer>
  );
}
