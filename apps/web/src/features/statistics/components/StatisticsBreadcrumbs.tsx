import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnitAncestors } from '../../units/queries';

/**
 * The way back up: from the top of the caller's scope down to the unit shown, each a link to its own
 * figures. Units above the caller's scope are not listed (the server leaves them out).
 */
export function StatisticsBreadcrumbs({
  unitId,
  unitName,
  unitHref,
}: {
  unitId: number;
  unitName: string;
  unitHref: (unitId: number) => string;
}) {
  const { t } = useTranslation();
  const ancestors = useUnitAncestors(unitId);
  const trail = (ancestors.data ?? []).filter((ancestor) => ancestor.id !== unitId);
  if (trail.length === 0) return null;

  return (
    <nav aria-label={t('statistics.breadcrumbs')}>
      <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        {trail.map((ancestor) => (
          <Anchor key={ancestor.id} component={Link} to={unitHref(ancestor.id)} size="sm">
            {ancestor.name}
          </Anchor>
        ))}
        <Text size="sm" c="dimmed" aria-current="page">
          {unitName}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}
