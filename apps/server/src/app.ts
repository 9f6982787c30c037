import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './kernel/config.js';
import type { Database } from './kernel/db/database.js';
import { registerAuth } from './kernel/auth/auth.plugin.js';
import { guardRouteDeclarations, type DeclaredRoute } from './kernel/access/route-guard.js';
import { languageOf, registerApiNotFound, registerErrorHandler } from './kernel/http/error-handler.js';
import { APP_VERSION, healthRoutes } from './kernel/http/health.js';
import { consoleCodeDelivery, type CodeDelivery } from './kernel/notify/code-delivery.js';
import { messageOf } from './kernel/errors.js';
import {
  accountsRoutes,
  getAccountNames,
  officeLifecycleHooks,
  resolveActor,
} from './modules/accounts/index.js';
import { auditRoutes } from './modules/audit/index.js';
import {
  BULK_ISSUE_JOB_KIND,
  bulkIssueJobHandler,
  cardsRoutes,
  CardSigningKeys,
  CardStatusList,
  cardUnitHooks,
  wellKnownRoutes,
} from './modules/cards/index.js';
import { AssistantContext, assistantRoutes } from './modules/assistant/index.js';
import { notificationsRoutes } from './modules/notifications/index.js';
import {
  defaultCategoryClassifier,
  escalateOverdueItems,
  surveysRoutes,
  voiceRoutes,
  voiceUnitHooks,
} from './modules/voice/index.js';
import { unitsRoutes, type UnitLifecycleHooks } from './modules/units/index.js';
import {
  IMPORT_JOB_KIND,
  importJobHandler,
  memberUnitHooks,
  membersRoutes,
} from './modules/members/index.js';
import {
  queueAgeRebandIfDue,
  REBAND_JOB_KIND,
  rebandJobHandler,
  REPORT_JOB_KIND,
  reportJobHandler,
  statisticsRoutes,
} from './modules/statistics/index.js';
import { JobRunner } from './kernel/jobs/job-runner.js';
import { jobsRoutes } from './kernel/jobs/jobs.routes.js';

export interface BuildAppOptions {
  database: Database;
  config: Config;
  /** Where one-time codes go; the console adapter when not given. */
  delivery?: CodeDelivery;
  logger?: FastifyServerOptions['logger'];
  /** The platform's clock; tests pass one they can move to prove deadlines. */
  clock?: () => Date;
}

/** Kernel plugins, then the explicit list of modules. Nothing registers itself by being imported. */
export async function buildApp({ database, config, delivery, logger, clock }: BuildAppOptions) {
  const now = clock ?? (() => new Date());
  const app = Fastify({
    logger: logger ?? {
      level: config.logLevel,
      // Readable lines for a person at a terminal; JSON for log collectors.
      ...(process.stdout.isTTY
        ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
        : {}),
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);
  app.decorate('db', database.db);
  registerErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine and Swagger UI set inline styles; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request) => ({
      statusCode: 429,
      error: {
        code: 'request.rate_limited',
        message: messageOf('request.rate_limited', languageOf(request)),
      },
    }),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Công đoàn số API', version: APP_VERSION },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Every module that copies unit paths onto its records hears of moves and closures, in this order.
  const dependants: UnitLifecycleHooks[] = [
    officeLifecycleHooks,
    memberUnitHooks,
    cardUnitHooks,
    voiceUnitHooks,
  ];
  const unitHooks: UnitLifecycleHooks = {
    async subtreesMoving(tx, move) {
      for (const hooks of dependants) await hooks.subtreesMoving?.(tx, move);
    },
    async subtreesMoved(tx, move) {
      for (const hooks of dependants) await hooks.subtreesMoved?.(tx, move);
    },
    async unitMerged(tx, unit, intoUnitId, mergedOn) {
      for (const hooks of dependants) await hooks.unitMerged?.(tx, unit, intoUnitId, mergedOn);
    },
    async unitClosed(tx, unit, closedOn) {
      for (const hooks of dependants) await hooks.unitClosed?.(tx, unit, closedOn);
    },
  };
  // Union cards: the platform's signing keys rotate on schedule; the status list is cached per change.
  const cardKeys = new CardSigningKeys(database.db, config.cardKeyRotationDays);
  const cardStatusList = new CardStatusList(
    database.db,
    cardKeys,
    config.cardIssuer,
    `${config.cardIssuer}#status-list`,
  );
  const cardContext = { keys: cardKeys, issuer: config.cardIssuer };
  // Long work (imports) runs here, off the request path; a job left running by a dead process resumes.
  const jobs = new JobRunner(
    database.db,
    app.log,
    new Map([
      [IMPORT_JOB_KIND, importJobHandler(database)],
      [REPORT_JOB_KIND, reportJobHandler()],
      [REBAND_JOB_KIND, rebandJobHandler()],
      [BULK_ISSUE_JOB_KIND, bulkIssueJobHandler(cardContext)],
    ]),
  );
  // Age bands count by year of birth: a new year re-counts them (checked at start and every few hours).
  const checkAgeBands = async () => {
    if (await queueAgeRebandIfDue(database)) jobs.wake();
  };
  const maintenanceTimer = setInterval(() => {
    void checkAgeBands().catch((error: unknown) => app.log.error(error));
    void cardKeys.rotateIfDue().catch((error: unknown) => app.log.error(error));
  }, 6 * 3600_000);
  maintenanceTimer.unref();
  // Items past their deadline move up to the managing unit; a few minutes late is soon enough.
  const escalateOverdue = () =>
    void escalateOverdueItems(database.db, now()).catch((error: unknown) => app.log.error(error));
  const escalationTimer = setInterval(escalateOverdue, 5 * 60_000);
  escalationTimer.unref();
  // The legal assistant answers from memory: its knowledge loads once here and reloads when it changes.
  const assistant = new AssistantContext(database.db, now);
  const knowledgeTimer = setInterval(
    () => void assistant.refreshIfChanged().catch((error: unknown) => app.log.error(error)),
    60_000,
  );
  knowledgeTimer.unref();
  app.addHook('onReady', async () => {
    const { loadMs, imported } = await assistant.start();
    app.log.info({ loadMs, imported }, 'Legal assistant knowledge loaded');
    await checkAgeBands();
    await cardKeys.rotateIfDue();
    escalateOverdue();
    jobs.start();
  });
  app.addHook('onClose', async () => {
    clearInterval(maintenanceTimer);
    clearInterval(escalationTimer);
    clearInterval(knowledgeTimer);
    await jobs.stop();
  });
  const routeCatalogue: DeclaredRoute[] = [];
  app.decorate('routeCatalogue', routeCatalogue);
  await app.register(
    async (api) => {
      guardRouteDeclarations(api, routeCatalogue);
      registerAuth(api, {
        resolveActor: (token, ip) => resolveActor(database.db, token, ip),
        totpEnforcement: config.totpEnforcement,
      });
      registerApiNotFound(api);
      await api.register(healthRoutes);
      await api.register(unitsRoutes, { hooks: unitHooks, accountNames: getAccountNames });
      await api.register(accountsRoutes, {
        delivery: delivery ?? consoleCodeDelivery(app.log),
        loginPolicy: {
          sessionDays: config.sessionDays,
          maxFailures: config.loginMaxFailures,
          lockMinutes: config.loginLockMinutes,
        },
        secureCookies: config.secureCookies,
        loginRateLimitPerMinute: config.loginRateLimitPerMinute,
      });
      await api.register(auditRoutes);
      await api.register(membersRoutes, { jobs });
      await api.register(notificationsRoutes);
      await api.register(statisticsRoutes, { jobs });
      await api.register(cardsRoutes, {
        context: cardContext,
        statusList: cardStatusList,
        jobs,
        verifyRateLimitPerMinute: config.cardVerifyRateLimitPerMinute,
      });
      const voiceContext = { now, classifier: defaultCategoryClassifier() };
      await api.register(voiceRoutes, {
        context: voiceContext,
        submitRateLimitPerHour: config.voiceSubmitRateLimitPerHour,
      });
      await api.register(surveysRoutes, { context: voiceContext });
      await api.register(assistantRoutes, {
        context: assistant,
        anonymousRateLimitPerMinute: config.assistantAnonymousRateLimitPerMinute,
        memberRateLimitPerMinute: config.assistantMemberRateLimitPerMinute,
      });
      await api.register(jobsRoutes);
    },
    { prefix: '/api/v1' },
  );

  await app.register(wellKnownRoutes, { keys: cardKeys });
  await registerWebApp(app, config.webDistDir);
  return app;
}

/** Serves the built web app, with index.html for the app's own paths (client-side routing). */
async function registerWebApp(app: FastifyInstance, distDir: string) {
  const indexHtml = path.join(distDir, 'index.html');
  if (!existsSync(indexHtml)) {
    app.log.warn(`No web build at ${distDir}: run "npm run build:web" to serve the app.`);
    return;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    // The build writes .br and .gz beside each asset: a phone on a slow network gets a third of the bytes.
    preCompressed: true,
    setHeaders: (reply, filePath) => {
      // Hashed assets never change; the shell and the service worker must always be fresh.
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({
      error: { code: 'request.not_found', message: messageOf('request.not_found', languageOf(request)) },
    });
  });
}
