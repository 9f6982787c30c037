import type { FastifyInstance, RouteOptions } from 'fastify';
import { isPermission, type Permission } from './permissions.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with the access it declared. */
    routeCatalogue: readonly DeclaredRoute[];
  }
}

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

export interface DeclaredRoute {
  method: string;
  url: string;
  access: { permission: Permission } | { authenticated: true } | { public: true };
}

/**
 * Refuses to start when a route states no access, or more than one, or names an unknown permission.
 * Every accepted route is listed in `catalogue`: the denial suites check they cover each one.
 */
export function guardRouteDeclarations(app: FastifyInstance, catalogue: DeclaredRoute[]): void {
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
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      catalogue.push({
        method: String(method),
        url: route.url,
        access: config.permission
          ? { permission: config.permission as Permission }
          : config.public
            ? { public: true }
            : { authenticated: true },
      });
    }
  });
}
