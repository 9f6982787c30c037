/** The notifications module: each person's inbox. Other modules write to it through `notify`. */
export { notificationsRoutes } from './notifications.routes.js';
export { notify, notifyMany, type NewNotification } from './notifications.service.js';
