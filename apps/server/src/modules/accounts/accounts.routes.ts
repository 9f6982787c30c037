import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@union/contracts/common';
import {
  AccountPage,
  AccountSearchQuery,
  AssignOfficeBody,
  CreateAccountBody,
  CreatedAccountDto,
  EndOfficeBody,
  MeDto,
  OfficeDto,
  OfficeListQuery,
  RoleDto,
} from '@union/contracts/accounts';
import {
  ChangePasswordBody,
  LoginBody,
  LoginCodeBody,
  LoginCodeRequestBody,
  LoginResponse,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  TotpCodeBody,
  TotpSetupDto,
} from '@union/contracts/auth';
import { actorOf, SESSION_COOKIE } from '../../kernel/auth/auth.plugin.js';
import type { CodeDelivery } from '../../kernel/notify/code-delivery.js';
import * as service from './accounts.service.js';
import * as officesService from './offices.service.js';

export interface AccountsRoutesOptions {
  delivery: CodeDelivery;
  loginPolicy: service.LoginPolicy;
  secureCookies: boolean;
  /** Attempts per minute per client address on login (by password or code) and password reset. */
  loginRateLimitPerMinute: number;
}

const origin = (request: FastifyRequest): service.RequestOrigin => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'],
});

export const accountsRoutes: FastifyPluginAsyncZod<AccountsRoutesOptions> = async (app, options) => {
  const rateLimit = { max: options.loginRateLimitPerMinute, timeWindow: '1 minute' };
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });
  const setSessionCookie = (reply: FastifyReply, session: { token: string; expiresAt: string }) =>
    reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: options.secureCookies,
      path: '/',
      expires: new Date(session.expiresAt),
    });

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit },
      schema: { tags: ['auth'], body: LoginBody, response: { 200: LoginResponse } },
    },
    async (request, reply) => {
      const result = await service.login(app.db, request.body, origin(request), options.loginPolicy);
      setSessionCookie(reply, result);
      return result;
    },
  );

  app.post(
    '/auth/login/code/request',
    { config: { public: true, rateLimit }, schema: { tags: ['auth'], body: LoginCodeRequestBody } },
    async (request, reply) => {
      await service.requestLoginCode(app.db, options.delivery, request.body);
      return reply.code(202).send();
    },
  );

  app.post(
    '/auth/login/code',
    {
      config: { public: true, rateLimit },
      schema: { tags: ['auth'], body: LoginCodeBody, response: { 200: LoginResponse } },
    },
    async (request, reply) => {
      const result = await service.loginWithCode(app.db, request.body, origin(request), options.loginPolicy);
      setSessionCookie(reply, result);
      return result;
    },
  );

  app.post(
    '/auth/logout',
    { config: { authenticated: true, duringTotpSetup: true }, schema: { tags: ['auth'] } },
    async (request, reply) => {
      await service.logout(app.db, actorOf(request));
      return clearCookie(reply).code(204).send();
    },
  );

  app.post(
    '/auth/password',
    {
      config: { authenticated: true, duringTotpSetup: true },
      schema: { tags: ['auth'], body: ChangePasswordBody },
    },
    async (request, reply) => {
      await service.changePassword(app.db, actorOf(request), request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/password-reset/request',
    { config: { public: true, rateLimit }, schema: { tags: ['auth'], body: PasswordResetRequestBody } },
    async (request, reply) => {
      await service.requestPasswordReset(app.db, options.delivery, request.body, origin(request));
      return reply.code(202).send();
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    { config: { public: true, rateLimit }, schema: { tags: ['auth'], body: PasswordResetConfirmBody } },
    async (request, reply) => {
      await service.confirmPasswordReset(app.db, request.body, origin(request));
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/totp/setup',
    {
      config: { authenticated: true, duringTotpSetup: true },
      schema: { tags: ['auth'], response: { 200: TotpSetupDto } },
    },
    (request) => service.startTotpSetup(app.db, actorOf(request)),
  );

  app.post(
    '/auth/totp/enable',
    {
      config: { authenticated: true, duringTotpSetup: true },
      schema: { tags: ['auth'], body: TotpCodeBody },
    },
    async (request, reply) => {
      await service.enableTotp(app.db, actorOf(request), request.body.code);
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/totp/disable',
    { config: { authenticated: true }, schema: { tags: ['auth'], body: TotpCodeBody } },
    async (request, reply) => {
      await service.disableTotp(app.db, actorOf(request), request.body.code);
      return reply.code(204).send();
    },
  );

  app.get(
    '/me',
    {
      config: { authenticated: true, duringTotpSetup: true },
      schema: { tags: ['auth'], response: { 200: MeDto } },
    },
    (request) => service.getMe(app.db, actorOf(request)),
  );

  app.get(
    '/roles',
    { config: { authenticated: true }, schema: { tags: ['offices'], response: { 200: z.array(RoleDto) } } },
    () => officesService.listRoles(app.db),
  );

  app.post(
    '/accounts',
    {
      config: { permission: 'accounts.create' },
      schema: {
        tags: ['accounts'],
        body: CreateAccountBody,
        response: { 201: CreatedAccountDto },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createAccount(app.db, actorOf(request), request.body)),
  );

  app.get(
    '/accounts',
    {
      config: { permission: 'accounts.read' },
      schema: { tags: ['accounts'], querystring: AccountSearchQuery, response: { 200: AccountPage } },
    },
    (request) => service.searchAccounts(app.db, actorOf(request), request.query),
  );

  app.get(
    '/units/:id/offices',
    {
      config: { permission: 'offices.read' },
      schema: {
        tags: ['offices'],
        params: IdParams,
        querystring: OfficeListQuery,
        response: { 200: z.array(OfficeDto) },
      },
    },
    (request) =>
      officesService.listOffices(app.db, actorOf(request), request.params.id, request.query.includePast),
  );

  app.post(
    '/units/:id/offices',
    {
      config: { permission: 'offices.assign' },
      schema: { tags: ['offices'], params: IdParams, body: AssignOfficeBody, response: { 201: OfficeDto } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await officesService.assignOffice(app.db, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/offices/:id/end',
    {
      config: { permission: 'offices.end' },
      schema: { tags: ['offices'], params: IdParams, body: EndOfficeBody, response: { 200: OfficeDto } },
    },
    (request) => officesService.endOffice(app.db, actorOf(request), request.params.id, request.body),
  );
};
