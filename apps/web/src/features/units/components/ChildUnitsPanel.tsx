import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { CHILD_TYPES, type UnitDto } from '@union/contracts/units';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { EmptyMessage, ErrorState, LoadingState } from '../../../ui/states';
import { useUnitChildren } from '../queries';
import { CreateUnitModal } from './CreateUnitModal';
import { UnitListItem } from './UnitListItem';

export function ChildUnitsPanel({ unit }: { unit: UnitDto }) {
  const { t } = useTranslation();
  const children = useUnitChildren(unit.id);
  const [createOpened, createModal] = useDisclosure(false);
  const canCreate = unit.can.createChild && CHILD_TYPES[unit.type].length > 0;

  return (
    <Stack gap="md">
      {canCreate && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={18} />} onClick={createModal.open}>
            {t('units.children.add')}
          </Button>
          <CreateUnitModal parent={unit} opened={createOpened} onClose={createModal.close} />
        </Group>
      )}
      {children.isPending ? (
        <LoadingState />
      ) : children.isError ? (
        <ErrorState message={errorMessage(children.error)} onRetry={() => void children.refetch()} />
      ) : children.data.pages[0]?.items.length === 0 ? (
        <EmptyMessage title={t('units.children.empty')} />
      ) : (
        <>
          <Stack component="ul" gap="xs" p={0} m={0}>
            {children.data.pages.flatMap((page) =>
              page.items.map((child) => <UnitListItem key={child.id} unit={child} />),
            )}
          </Stack>
          {children.hasNextPage && (
            <Button
              variant="light"
              style={{ alignSelf: 'center' }}
              loading={children.isFetchingNextPage}
              onClick={() => void children.fetchNextPage()}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
