import { ActionIcon, Anchor, Box, Button, Group, Loader, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { UnitDto } from '@union/contracts/units';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../app/api-client';
import { useUnitChildren } from '../queries';
import { UnitStatusBadge, UnitTypeBadge } from './UnitBadges';
import classes from './UnitTree.module.css';

function UnitChildren({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const children = useUnitChildren(unitId);

  if (children.isPending) {
    return (
      <Group gap="xs" className={classes.notice} role="status">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      </Group>
    );
  }
  if (children.isError) {
    return (
      <Group gap="xs" className={classes.notice} role="alert">
        <Text size="sm" c="red">
          {errorMessage(children.error)}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => void children.refetch()}>
          {t('common.retry')}
        </Button>
      </Group>
    );
  }

  const units = children.data.pages.flatMap((page) => page.items);
  return (
    <>
      {units.length === 0 ? (
        <Text size="sm" c="dimmed" className={classes.notice}>
          {t('units.children.empty')}
        </Text>
      ) : (
        <ul className={classes.list}>
          {units.map((unit) => (
            <UnitTreeNode key={unit.id} unit={unit} />
          ))}
        </ul>
      )}
      {children.hasNextPage && (
        <Button
          size="compact-sm"
          variant="subtle"
          className={classes.notice}
          loading={children.isFetchingNextPage}
          onClick={() => void children.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}

function UnitTreeNode({ unit }: { unit: UnitDto }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const hasChildren = unit.childCount > 0;
  const childrenId = `unit-tree-children-${unit.id}`;

  return (
    <li>
      <Group gap={6} wrap="nowrap" align="flex-start" className={classes.row}>
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="md"
            onClick={() => setExpanded((open) => !open)}
            aria-expanded={expanded}
            aria-controls={expanded ? childrenId : undefined}
            aria-label={t(expanded ? 'units.tree.collapse' : 'units.tree.expand', { name: unit.name })}
          >
            {expanded ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
          </ActionIcon>
        ) : (
          <Box w={28} aria-hidden />
        )}
        <Box style={{ minWidth: 0 }} pt={3}>
          <Anchor
            component={Link}
            to={`/units/${unit.id}`}
            fw={500}
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
          >
            {unit.name}
          </Anchor>
          <Group gap={6} mt={2} wrap="wrap">
            <UnitTypeBadge type={unit.type} />
            {unit.status !== 'active' && <UnitStatusBadge status={unit.status} />}
            {hasChildren && (
              <Text size="xs" c="dimmed">
                {t('units.childCount', { count: unit.childCount })}
              </Text>
            )}
          </Group>
        </Box>
      </Group>
      {expanded && (
        <div id={childrenId} className={classes.children}>
          <UnitChildren unitId={unit.id} />
        </div>
      )}
    </li>
  );
}

/** The caller's top units, each unfolding its children on demand, a page at a time. */
export function UnitTree({ roots }: { roots: readonly UnitDto[] }) {
  return (
    <ul className={classes.list}>
      {roots.map((unit) => (
        <UnitTreeNode key={unit.id} unit={unit} />
      ))}
    </ul>
  );
}
