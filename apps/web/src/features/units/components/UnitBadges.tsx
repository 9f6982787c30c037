import { Badge } from '@mantine/core';
import type { UnitStatus, UnitType } from '@union/contracts/units';
import { useTranslation } from 'react-i18next';

export function UnitTypeBadge({ type }: { type: UnitType }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color="blue" radius="sm" tt="none" style={{ maxWidth: '100%' }}>
      {t(`unitType.${type}`)}
    </Badge>
  );
}

const STATUS_COLORS: Record<UnitStatus, string> = { active: 'green', merged: 'grape', dissolved: 'gray' };

export function UnitStatusBadge({ status }: { status: UnitStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={STATUS_COLORS[status]} radius="sm" tt="none">
      {t(`unitStatus.${status}`)}
    </Badge>
  );
}
