import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { NotificationDto } from '@union/contracts/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/dates';
import classes from './NotificationItem.module.css';

/** Only the app's own paths are followed: a notification never sends the member to another site. */
function appPath(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** One notification; `fresh` marks it as new (unread when the list was opened). */
export function NotificationItem({ notification, fresh }: { notification: NotificationDto; fresh: boolean }) {
  const { t } = useTranslation();
  const link = appPath(notification.link);
  const content = (
    <Stack gap={4}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Text fw={fresh ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
          {notification.title}
        </Text>
        {fresh && (
          <Badge size="sm" color="red" variant="filled" style={{ flexShrink: 0 }}>
            {t('memberApp.notifications.new')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
        {notification.body}
      </Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(notification.createdAt)}
      </Text>
    </Stack>
  );
  return (
    <li className={classes.item}>
      {link ? (
        <Paper component={Link} to={link} withBorder p="md" className={classes.link} data-fresh={fresh}>
          {content}
        </Paper>
      ) : (
        <Paper withBorder p="md" data-fresh={fresh} className={classes.card}>
          {content}
        </Paper>
      )}
    </li>
  );
}
