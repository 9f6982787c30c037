import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { MeDto } from '@union/contracts/accounts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NAVIGATION } from '../../app/navigation';
import { formatDate } from '../../ui/dates';
import { EmptyMessage } from '../../ui/states';
import { useMe } from '../auth/session';

function OfficeCard({ office, linkToUnit }: { office: MeDto['offices'][number]; linkToUnit: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        {linkToUnit ? (
          <Anchor
            component={Link}
            to={`/units/${office.unitId}`}
            fw={600}
            style={{ overflowWrap: 'anywhere' }}
          >
            {office.unitName}
          </Anchor>
        ) : (
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {office.unitName}
          </Text>
        )}
        <Group gap="xs">
          <Badge variant="light" radius="sm" tt="none">
            {t(`role.${office.role}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {t(`unitType.${office.unitType}`)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {office.termEnd
            ? t('offices.term', { start: formatDate(office.termStart), end: formatDate(office.termEnd) })
            : t('offices.termOpen', { start: formatDate(office.termStart) })}
        </Text>
      </Stack>
    </Card>
  );
}

/** The console's home: the officer's shortcuts and offices. */
export function OfficerHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const shortcuts = NAVIGATION.filter((item) => item.permission && me.permissions.includes(item.permission));
  const canReadUnits = me.permissions.includes('units.read');

  return (
    <Stack gap="xl">
      <div>
        <Title order={1} size="h2">
          {t('home.greeting', { name: me.fullName })}
        </Title>
        <Text c="dimmed" size="sm">
          {t('home.intro')}
        </Text>
      </div>

      {shortcuts.length > 0 && (
        <section aria-labelledby="home-shortcuts">
          <Title order={2} size="h4" mb="sm" id="home-shortcuts">
            {t('home.shortcuts')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
            {shortcuts.map((item) => (
              <Card key={item.to} component={Link} to={item.to} withBorder padding="md">
                <Group justify="space-between" wrap="nowrap">
                  <Group gap="sm" wrap="nowrap">
                    <item.icon size={24} stroke={1.6} aria-hidden />
                    <Text fw={500}>{t(item.label)}</Text>
                  </Group>
                  <IconChevronRight size={18} aria-hidden />
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      )}

      <section aria-labelledby="home-offices">
        <Title order={2} size="h4" mb="sm" id="home-offices">
          {t('home.offices')}
        </Title>
        {me.offices.length === 0 ? (
          <EmptyMessage title={t('home.noOffices')} description={t('home.noOfficesHint')} />
        ) : (
          <SimpleGrid component="ul" cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" p={0} m={0}>
            {me.offices.map((office) => (
              <OfficeCard key={office.officeId} office={office} linkToUnit={canReadUnits} />
            ))}
          </SimpleGrid>
        )}
      </section>
    </Stack>
  );
}
