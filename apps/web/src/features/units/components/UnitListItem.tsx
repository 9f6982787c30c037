import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import type { UnitDto } from '@union/contracts/units';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UnitStatusBadge, UnitTypeBadge } from './UnitBadges';

/** One unit as a row of a list: a link to its page, its type, code and size. */
export function UnitListItem({ unit }: { unit: UnitDto }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder px="sm" py="xs" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Anchor component={Link} to={`/units/${unit.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {unit.name}
        </Anchor>
        <Group gap="xs" wrap="wrap">
          <UnitTypeBadge type={unit.type} />
          {unit.status !== 'active' && <UnitStatusBadge status={unit.status} />}
          <Text size="xs" c="dimmed">
            {t('units.codeValue', { code: unit.code })}
          </Text>
          {unit.childCount > 0 && (
            <Text size="xs" c="dimmed">
              {t('units.childCount', { count: unit.childCount })}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
