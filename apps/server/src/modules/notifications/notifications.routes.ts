import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  MarkNotificationsReadBody,
  NotificationListQuery,
  NotificationPage,
} from '@union/contracts/notifications';
import { actorOf } from '../../kernel/auth/auth.plugin.js';
import { listNotifications, markNotificationsRead } from './notifications.service.js';

/** The signed-in person's own inbox: no office needed, and no one else's reachable. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];

  app.get(
    '/me/notifications',
    {
      config: { authenticated: true },
      schema: { tags, querystring: NotificationListQuery, response: { 200: NotificationPage } },
    },
    (request) => listNotifications(app.db, actorOf(request), request.query),
  );

  app.post(
    '/me/notifications/read',
    { config: { authenticated: true }, schema: { tags, body: MarkNotificationsReadBody } },
    async (request, reply) => {
      await markNotificationsRead(app.db, actorOf(request), request.body.upToId);
      return reply.code(204).send();
    },
  );
};
