import { Anchor, Button, Group, Paper, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsTransferUp, IconEdit, IconGitMerge, IconTrash } from '@tabler/icons-react';
import type { UnitDto } from '@union/contracts/units';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { formatDate } from '../../ui/dates';
import { DetailList } from '../../ui/DetailList';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { useCan } from '../auth/session';
import { UnitCardsPanel } from '../cards/officer/UnitCardsPanel';
import { OfficesPanel } from '../offices/OfficesPanel';
import { ChildUnitsPanel } from './components/ChildUnitsPanel';
import { DissolveUnitModal } from './components/DissolveUnitModal';
import { EditUnitModal } from './components/EditUnitModal';
import { MergeUnitModal } from './components/MergeUnitModal';
import { MoveUnitModal } from './components/MoveUnitModal';
import { UnitBreadcrumbs } from './components/UnitBreadcrumbs';
import { UnitStatusBadge, UnitTypeBadge } from './components/UnitBadges';
import { UnitHistoryPanel } from './components/UnitHistoryPanel';
import { useRootUnits, useUnit } from './queries';

const TABS = ['children', 'officers', 'history'] as const;
type Tab = (typeof TABS)[number];

function UnitActions({ unit }: { unit: UnitDto }) {
  const { t } = useTranslation();
  const [editOpened, editModal] = useDisclosure(false);
  const [moveOpened, moveModal] = useDisclosure(false);
  const [mergeOpened, mergeModal] = useDisclosure(false);
  const [dissolveOpened, dissolveModal] = useDisclosure(false);

  return (
    <>
      {unit.can.update && (
        <Button variant="default" leftSection={<IconEdit size={18} />} onClick={editModal.open}>
          {t('units.edit.action')}
        </Button>
      )}
      {unit.can.move && (
        <>
          <Button variant="default" leftSection={<IconArrowsTransferUp size={18} />} onClick={moveModal.open}>
            {t('units.move.action')}
          </Button>
          {/* The server guards a merge with the same permission and authority as a move. */}
          <Button variant="default" leftSection={<IconGitMerge size={18} />} onClick={mergeModal.open}>
            {t('units.merge.action')}
          </Button>
        </>
      )}
      {unit.can.dissolve && (
        <Button
          variant="light"
          color="red"
          leftSection={<IconTrash size={18} />}
          onClick={dissolveModal.open}
        >
          {t('units.dissolve.action')}
        </Button>
      )}
      {/* Mounted whatever the unit now allows: a merge or dissolution takes that right away as the
          unit refreshes, and the dialog must outlive it to confirm and close. Closed, they render nothing. */}
      <EditUnitModal unit={unit} opened={editOpened} onClose={editModal.close} />
      <MoveUnitModal unit={unit} opened={moveOpened} onClose={moveModal.close} />
      <MergeUnitModal unit={unit} opened={mergeOpened} onClose={mergeModal.close} />
      <DissolveUnitModal unit={unit} opened={dissolveOpened} onClose={dissolveModal.close} />
    </>
  );
}

/** A related unit by name: a link, unless it may lie outside the caller's scope (where it would 404). */
function RelatedUnit({ id, name, linked }: { id: number | null; name: string | null; linked: boolean }) {
  const { t } = useTranslation();
  if (id === null || name === null) return t('units.page.none');
  if (!linked) return name;
  return (
    <Anchor component={Link} to={`/units/${id}`} size="sm">
      {name}
    </Anchor>
  );
}

function UnitDetails({ unit }: { unit: UnitDto }) {
  const { t } = useTranslation();
  const roots = useRootUnits();
  // Above a scope root lies what the caller may not open; until the roots are known, play safe.
  const linkAbove = roots.data !== undefined && !roots.data.some((root) => root.id === unit.id);
  return (
    <Paper withBorder p="md" mb="lg">
      <DetailList
        details={[
          { label: t('units.page.code'), value: unit.code },
          { label: t('units.page.type'), value: t(`unitType.${unit.type}`) },
          { label: t('units.page.status'), value: <UnitStatusBadge status={unit.status} /> },
          {
            label: t('units.page.parent'),
            value: <RelatedUnit id={unit.parentId} name={unit.parentName} linked={linkAbove} />,
          },
          {
            label: t('units.page.managingUnit'),
            value: <RelatedUnit id={unit.managingUnitId} name={unit.managingUnitName} linked={linkAbove} />,
          },
          {
            label: t('units.page.establishedOn'),
            value: formatDate(unit.establishedOn) || t('units.page.none'),
          },
          ...(unit.closedOn ? [{ label: t('units.page.closedOn'), value: formatDate(unit.closedOn) }] : []),
          { label: t('units.page.childCount'), value: unit.childCount.toLocaleString('vi-VN') },
        ]}
      />
    </Paper>
  );
}

function UnitNotFound() {
  const { t } = useTranslation();
  return <EmptyMessage title={t('units.page.notFound')} description={t('units.page.notFoundHint')} />;
}

function UnitView({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const canReadOffices = useCan('offices.read');
  const tabs = TABS.filter((candidate) => candidate !== 'officers' || canReadOffices);
  const requestedTab = searchParams.get('tab');
  const tab: Tab = tabs.find((candidate) => candidate === requestedTab) ?? 'children';
  const unit = useUnit(unitId);

  // Out-of-scope units answer 404 like missing ones; the page cannot tell them apart either.
  if (unit.error instanceof ApiError && unit.error.status === 404) return <UnitNotFound />;
  if (unit.isPending) return <LoadingState />;
  if (unit.isError)
    return <ErrorState message={errorMessage(unit.error)} onRetry={() => void unit.refetch()} />;

  const current = unit.data;
  return (
    <>
      <PageHeader
        above={<UnitBreadcrumbs unit={current} />}
        title={current.name}
        description={
          <Group gap="xs" component="span">
            <UnitTypeBadge type={current.type} />
            {current.status !== 'active' && <UnitStatusBadge status={current.status} />}
          </Group>
        }
        actions={<UnitActions unit={current} />}
      />
      <UnitDetails unit={current} />
      <UnitCardsPanel unit={current} />
      <Tabs
        value={tab}
        onChange={(value) =>
          setSearchParams(value === 'children' ? {} : { tab: value ?? '' }, { replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="children">{t('units.tabs.children')}</Tabs.Tab>
          {canReadOffices && <Tabs.Tab value="officers">{t('units.tabs.officers')}</Tabs.Tab>}
          <Tabs.Tab value="history">{t('units.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="children">
          <ChildUnitsPanel unit={current} />
        </Tabs.Panel>
        {canReadOffices && (
          <Tabs.Panel value="officers">
            <OfficesPanel unit={current} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="history">
          <UnitHistoryPanel unitId={current.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

export function UnitPage() {
  const unitId = Number(useParams().unitId);
  if (!Number.isSafeInteger(unitId) || unitId <= 0) return <UnitNotFound />;
  // Keyed by id so that open dialogs and form drafts never carry over to another unit.
  return <UnitView key={unitId} unitId={unitId} />;
}
