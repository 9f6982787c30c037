import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useEffect, useState } from 'react';

const Notifications = lazy(() => import('./ToastList').then((m) => ({ default: m.ToastList })));

/**
 * Toasts wait in their store until the first one is shown: only then is the code that draws them
 * (and its transitions) fetched, so it stays off the first load.
 */
export function Toasts() {
  const { notifications, queue } = useNotifications();
  const waiting = notifications.length > 0 || queue.length > 0;
  const [needed, setNeeded] = useState(waiting);
  useEffect(() => {
    if (waiting) setNeeded(true);
  }, [waiting]);
  if (!needed && !waiting) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="top-center" />
    </Suspense>
  );
}
