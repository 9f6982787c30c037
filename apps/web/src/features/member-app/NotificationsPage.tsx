import { Button, Center, Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { NotificationItem } from './components/NotificationItem';
import { useMarkNotificationsRead, useNotificationList } from './queries';

/** The member's inbox, newest first; opening it marks everything shown as read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const list = useNotificationList();
  const markRead = useMarkNotificationsRead();
  const marked = useRef(0);

  const firstPage = list.data?.pages[0];
  const newest = firstPage ? Math.max(0, ...firstPage.items.map((item) => item.id)) : 0;
  const unread = firstPage?.unread ?? 0;
  const { mutate } = markRead;
  useEffect(() => {
    // Once per newest notification: a refetch of the same list asks nothing more.
    if (unread > 0 && newest > marked.current) {
      marked.current = newest;
      mutate(newest);
    }
  }, [newest, unread, mutate]);

  const header = <PageHeader title={t('memberApp.notifications.title')} />;
  if (list.isPending)
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  if (list.isLoadingError)
    return (
      <>
        {header}
        <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      </>
    );

  const items = list.data.pages.flatMap((page) => page.items);
  return (
    <>
      {header}
      {items.length === 0 ? (
        <EmptyMessage
          title={t('memberApp.notifications.empty')}
          description={t('memberApp.notifications.emptyHint')}
        />
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} aria-label={t('memberApp.notifications.title')}>
          {items.map((item) => (
            <NotificationItem key={item.id} notification={item} fresh={item.readAt === null} />
          ))}
        </Stack>
      )}
      {list.isFetchNextPageError && (
        <Stack mt="md">
          <ErrorState message={errorMessage(list.error)} />
        </Stack>
      )}
      {list.hasNextPage && (
        <Center mt="md">
          <Button
            variant="light"
            size="md"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}
