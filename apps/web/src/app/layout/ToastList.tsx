import { Notifications, type NotificationsProps } from '@mantine/notifications';

/** Mantine's toast renderer, in a module of its own so that it can be loaded on first use. */
export function ToastList(props: NotificationsProps) {
  return <Notifications {...props} />;
}
