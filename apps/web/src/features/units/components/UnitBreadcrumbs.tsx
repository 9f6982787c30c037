import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import type { UnitDto } from '@union/contracts/units';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnitAncestors } from '../queries';

/** Units → the caller's top unit → … → this unit. Ancestors outside the caller's scope are not shown. */
export function UnitBreadcrumbs({ unit }: { unit: UnitDto }) {
  const { t } = useTranslation();
  const ancestors = useUnitAncestors(unit.id);
  const trail = (ancestors.data ?? []).filter((ancestor) => ancestor.id !== unit.id);

  return (
    <nav aria-label={t('units.page.breadcrumbs')}>
      <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to="/units" size="sm">
          {t('nav.units')}
        </Anchor>
        {trail.map((ancestor) => (
          <Anchor key={ancestor.id} component={Link} to={`/units/${ancestor.id}`} size="sm">
            {ancestor.name}
          </Anchor>
        ))}
        <Text size="sm" c="dimmed" aria-current="page">
          {unit.name}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}
