import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.js';
import { holdsAnywhere, type Actor } from '../access/actor.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook for every API request; null when nobody is signed in. */
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = 'cds_session';

export interface AuthOptions {
  /** Turns a presented token into an actor, or null when it is unknown, expired or revoked. */
  resolveActor(token: string, ip: string): Promise<Actor | null>;
  totpEnforcement: 'prompt' | 'strict';
}

export function presentedToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || undefined;
  return request.cookies[SESSION_COOKIE] || undefined;
}

/** Who is asking, for handlers behind `authenticated` or `permission` routes (never null there). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('auth.required');
  return request.actor;
}

/** Resolves the caller, then applies the route's declared access before any handler runs. */
export function registerAuth(app: FastifyInstance, options: AuthOptions): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const token = presentedToken(request);
    request.actor = token ? await options.resolveActor(token, request.ip) : null;
    if (config.public || request.is404) return;
    const actor = actorOf(request);
    if (options.totpEnforcement === 'strict' && actor.totpSetupRequired && !config.duringTotpSetup) {
      throw new DomainError('auth.totp_setup_required');
    }
    if (config.permission && !holdsAnywhere(actor, config.permission)) throw new DomainError('access.denied');
  });
}
