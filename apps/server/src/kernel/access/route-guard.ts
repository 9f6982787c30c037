import type { FastifyInstance, RouteOptions } from 'fastify';
import { isPermission, type Permission } from './permissions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a caller must hold somewhere; the handler then scopes by it. */
    permission?: Permission;
    /** Any signed-in account (self-service: the caller's own profile, password, sessions). */
    authenticated?: boolean;
    /** No sign-in needed. */
    public?: boolean;
    /** Reachable while a required two-factor enrolment is pending (the enrolment routes themselves). */
    duringTotpSetup?: boolean;
  }
}

/** Refuses to start when a route states no access, or more than one, or names an unknown permission. */
export function guardRouteDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { permission?: string; authenticated?: boolean; public?: boolean };
    const declared = [config.permission !== undefined, config.authenticated === true, config.public === true];
    const where = `${String(route.method)} ${route.url}`;
    if (declared.filter(Boolean).length !== 1) {
      throw new Error(
        `Route ${where} must declare exactly one of config.permission, .authenticated or .public`,
      );
    }
    if (config.permission !== undefined && !isPermission(config.permission)) {
      throw new Error(`Route ${where} names unknown permission "${config.permission}"`);
    }
  });
}
