import { Button, Center, Stack } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../../../app/api-client';
import { ErrorState, LoadingState } from '../../../ui/states';
import { useAssistantTranslation } from '../assistant-i18n';

/** A page of items after another ("Xem thêm"), with its loading, empty and error states. */
export function PagedList<T>({
  list,
  label,
  empty,
  render,
}: {
  list: UseInfiniteQueryResult<InfiniteData<{ items: T[]; nextCursor: string | null }>>;
  label: string;
  empty: ReactNode;
  render: (item: T) => ReactNode;
}) {
  const { t } = useAssistantTranslation();
  if (list.isPending) return <LoadingState />;
  if (list.isLoadingError)
    return <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return empty;
  return (
    <Stack gap="md" aria-busy={list.isFetching}>
      <Stack component="ul" gap="sm" p={0} m={0} aria-label={label}>
        {items.map(render)}
      </Stack>
      {list.isFetchNextPageError && <ErrorState message={errorMessage(list.error)} />}
      {list.hasNextPage && (
        <Center>
          <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
