import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import type { OwnUnionDto } from '@union/contracts/members';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { formatPhone } from '../members/member-values';
import classes from './MyUnionPage.module.css';
import { useOwnUnion } from './queries';
import { roleLabel, unitTypeLabel } from './unit-labels';

type Officer = OwnUnionDto['officers'][number];

/** Digits and a leading + only: what a `tel:` link dials. */
const dialable = (phone: string) => phone.replace(/[^\d+]/g, '');

function OfficerCard({ officer }: { officer: Officer }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="md" className={classes.officer}>
      <Stack gap="xs">
        <div>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {officer.fullName}
          </Text>
          <Text size="sm">{roleLabel(t, officer.role, officer.roleName)}</Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {officer.unitName}
          </Text>
        </div>
        {(officer.phone || officer.email) && (
          <Group gap="xs" grow preventGrowOverflow={false}>
            {officer.phone && (
              <Button
                component="a"
                href={`tel:${dialable(officer.phone)}`}
                variant="light"
                h={48}
                leftSection={<IconPhone size={20} aria-hidden />}
                aria-label={t('memberApp.union.call', { name: officer.fullName, phone: officer.phone })}
              >
                {formatPhone(officer.phone)}
              </Button>
            )}
            {officer.email && (
              <Button
                component="a"
                href={`mailto:${officer.email}`}
                variant="default"
                h={48}
                leftSection={<IconMail size={20} aria-hidden />}
                aria-label={t('memberApp.union.email', { name: officer.fullName, email: officer.email })}
              >
                {t('memberApp.union.emailShort')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** "Công đoàn của tôi": the member's union, the unions above it, and the officers to reach. */
export function MyUnionPage() {
  const { t } = useTranslation();
  const union = useOwnUnion();
  const header = <PageHeader title={t('memberApp.union.title')} />;

  if (union.isPending)
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  if (union.isError)
    return (
      <>
        {header}
        <ErrorState message={errorMessage(union.error)} onRetry={() => void union.refetch()} />
      </>
    );
  if (union.data === null)
    return (
      <>
        {header}
        <EmptyMessage title={t('memberApp.union.noRecord')} description={t('memberApp.union.noRecordHint')} />
      </>
    );

  const { unit, superiors, officers } = union.data;
  // Listed from the top (the province-level union) down to the member's own.
  const above = superiors.filter((superior) => superior.id !== unit.id).reverse();

  return (
    <>
      {header}
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="own-union-unit">
          <Text size="xs" c="dimmed" fw={500}>
            {unitTypeLabel(t, unit.type)}
          </Text>
          <Title order={2} size="h4" id="own-union-unit" style={{ overflowWrap: 'anywhere' }}>
            {unit.name}
          </Title>
          {above.length > 0 && (
            <nav aria-label={t('memberApp.union.chain')} className={classes.chainNav}>
              <Text size="sm" fw={500} mt="md" mb="xs">
                {t('memberApp.union.chain')}
              </Text>
              <ol className={classes.chain}>
                {above.map((superior) => (
                  <li key={superior.id} className={classes.chainItem}>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {superior.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {unitTypeLabel(t, superior.type)}
                    </Text>
                  </li>
                ))}
                <li className={classes.chainItem} data-current aria-current="true">
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {unit.name}
                  </Text>
                </li>
              </ol>
            </nav>
          )}
        </Paper>

        <section aria-labelledby="own-union-officers">
          <Title order={2} size="h4" mb="sm" id="own-union-officers">
            {t('memberApp.union.officers')}
          </Title>
          {officers.length === 0 ? (
            <EmptyMessage title={t('memberApp.union.noOfficers')} />
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0}>
              {officers.map((officer, index) => (
                <OfficerCard key={`${officer.fullName}-${officer.role}-${index}`} officer={officer} />
              ))}
            </Stack>
          )}
        </section>
      </Stack>
    </>
  );
}
