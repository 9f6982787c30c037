import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Permission } from '../../src/kernel/access/permissions.js';
import { accountsRouteTable } from './accounts.cases.js';
import { assistantRouteTable } from './assistant.cases.js';
import { auditRouteTable } from './audit.cases.js';
import { cardsRouteTable } from './cards.cases.js';
import { accessSuite, expectError, type Kind, type RouteTable } from './denial.js';
import { membersChangeRouteTable, membersReadRouteTable } from './members.cases.js';
import { officesRouteTable } from './offices.cases.js';
import { statisticsRouteTable } from './statistics.cases.js';
import { unitsRouteTable } from './units.cases.js';
import { voiceRouteTable } from './voice.cases.js';

/**
 * The denial suites cover every route that exists. The route catalogue (every API route with the
 * access it declared) is compared with the table below, and the table with the real case tables of
 * the *.cases.ts files that the *.access.test.ts files run: a new route without a denial suite, a
 * suite for a route that is gone, or a claimed case that no table holds, fails here.
 */
const s = accessSuite();

/** Every route with `permission` access, and which cases its suite holds (401s come with every suite). */
const PERMISSION_ROUTES: Record<string, { permission: Permission; covers: Kind[] }> = {
  'GET /api/v1/units/roots': {
    permission: 'units.read',
    covers: ['allowed', 'sibling', 'parent', 'child', 'expired', 'future', 'no office', 'lacks permission'],
  },
  'GET /api/v1/units': {
    permission: 'units.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'POST /api/v1/units': {
    permission: 'units.create',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'POST /api/v1/units/bulk-move': {
    permission: 'units.move',
    covers: [
      'allowed',
      'sees, may not change',
      'sibling',
      'parent',
      'child',
      'elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'GET /api/v1/units/:id': {
    permission: 'units.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'PATCH /api/v1/units/:id': {
    permission: 'units.update',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'sees, may not change',
      'elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'GET /api/v1/units/:id/children': {
    permission: 'units.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/units/:id/ancestors': {
    permission: 'units.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/units/:id/history': {
    permission: 'units.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'POST /api/v1/units/:id/move': {
    permission: 'units.move',
    covers: [
      'allowed',
      'sees, may not change',
      'sibling',
      'parent',
      'child',
      'elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'POST /api/v1/units/:id/merge': {
    permission: 'units.move',
    covers: [
      'allowed',
      'sees, may not change',
      'sibling',
      'parent',
      'child',
      'elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'POST /api/v1/units/:id/dissolve': {
    permission: 'units.dissolve',
    covers: [
      'allowed',
      'sees, may not change',
      'sibling',
      'parent',
      'child',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'POST /api/v1/accounts': {
    permission: 'accounts.create',
    covers: ['allowed', 'expired', 'future', 'no office', 'lacks permission'],
  },
  'GET /api/v1/accounts': {
    permission: 'accounts.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'GET /api/v1/units/:id/offices': {
    permission: 'offices.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'POST /api/v1/units/:id/offices': {
    permission: 'offices.assign',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'exceeds own',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'POST /api/v1/offices/:id/end': {
    permission: 'offices.end',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'missing',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'GET /api/v1/audit': {
    permission: 'audit.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'GET /api/v1/members/import/template': {
    permission: 'members.import',
    covers: ['allowed', 'expired', 'future', 'no office', 'lacks permission'],
  },
  'POST /api/v1/members/import': {
    permission: 'members.import',
    covers: ['allowed', 'sibling', 'parent', 'child', 'expired', 'future', 'no office', 'lacks permission'],
  },
  'GET /api/v1/members/export': {
    permission: 'members.export',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'GET /api/v1/members': {
    permission: 'members.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'POST /api/v1/members': {
    permission: 'members.admit',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'sees, may not change',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'GET /api/v1/members/duplicates': {
    permission: 'members.admit',
    covers: ['allowed', 'sibling', 'parent', 'child', 'expired', 'future', 'no office', 'lacks permission'],
  },
  'GET /api/v1/members/transfer-destinations': {
    permission: 'members.transfer',
    covers: ['allowed', 'expired', 'future', 'no office', 'lacks permission'],
  },
  'GET /api/v1/members/transfers': {
    permission: 'members.transfer',
    covers: ['allowed', 'sibling', 'parent', 'child', 'expired', 'future', 'no office', 'lacks permission'],
  },
  'POST /api/v1/members/transfers': {
    permission: 'members.transfer',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'POST /api/v1/members/transfers/:id/decision': {
    permission: 'members.transfer',
    covers: [
      'allowed',
      'sees, may not change',
      'sibling',
      'parent',
      'child',
      'missing',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'GET /api/v1/members/corrections': {
    permission: 'members.corrections',
    covers: ['allowed', 'sibling', 'parent', 'child', 'expired', 'future', 'no office', 'lacks permission'],
  },
  'POST /api/v1/members/corrections/:id/decision': {
    permission: 'members.corrections',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'missing',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'GET /api/v1/members/:id': {
    permission: 'members.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'missing',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'PATCH /api/v1/members/:id': {
    permission: 'members.update',
    covers: [
      'allowed',
      'sees, may not change',
      'sibling',
      'parent',
      'child',
      'missing',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'POST /api/v1/members/:id/account': {
    permission: 'members.update',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'missing',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'POST /api/v1/members/:id/events': {
    permission: 'members.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'missing',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'GET /api/v1/units/:id/statistics': {
    permission: 'statistics.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/units/:id/statistics/series': {
    permission: 'statistics.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/units/:id/statistics/officers': {
    permission: 'statistics.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/units/:id/workforce': {
    permission: 'statistics.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'PUT /api/v1/units/:id/workforce': {
    permission: 'statistics.workforce',
    covers: [
      'allowed',
      'sees, may not change',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/units/:id/reports/organisation': {
    permission: 'statistics.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/statistics/report-files/:id': {
    permission: 'statistics.read',
    covers: ['allowed', 'sibling', 'parent', 'expired', 'future', 'no office', 'lacks permission', 'missing'],
  },
  'GET /api/v1/members/:id/cards': {
    permission: 'cards.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/members/:id/card': {
    permission: 'cards.issue',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/members/:id/card.pdf': {
    permission: 'cards.issue',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'POST /api/v1/members/:id/cards/revoke': {
    permission: 'cards.revoke',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'POST /api/v1/units/:id/cards/issue': {
    permission: 'cards.issue',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/cards/print-files/:id': {
    permission: 'cards.issue',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'POST /api/v1/cards/benefit-uses': {
    permission: 'cards.benefits.record',
    covers: ['allowed', 'expired', 'future', 'no office', 'lacks permission', 'missing'],
  },
  'GET /api/v1/units/:id/benefit-uses/summary': {
    permission: 'cards.benefits.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/units/:id/benefit-uses': {
    permission: 'cards.benefits.read',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/units/:id/voice/analytics': {
    permission: 'voice.analytics',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'POST /api/v1/voice/alerts/:id/acknowledge': {
    permission: 'voice.analytics',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'POST /api/v1/surveys': {
    permission: 'voice.surveys',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/surveys/:id/results': {
    permission: 'voice.surveys',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/surveys/:id/results.xlsx': {
    permission: 'voice.surveys',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'POST /api/v1/surveys/:id/close': {
    permission: 'voice.surveys',
    covers: [
      'allowed',
      'sees, may not change',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/legal-cases': {
    permission: 'legal.consult',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
    ],
  },
  'GET /api/v1/legal-cases/:id': {
    permission: 'legal.consult',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'POST /api/v1/legal-cases/:id/assign': {
    permission: 'legal.consult',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'POST /api/v1/legal-cases/:id/reply': {
    permission: 'legal.consult',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'POST /api/v1/legal-cases/:id/draft-answer': {
    permission: 'legal.consult',
    covers: [
      'allowed',
      'sibling',
      'parent',
      'child',
      'permission elsewhere',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/legal-knowledge/answers': {
    permission: 'legal.knowledge.edit',
    covers: ['allowed', 'expired', 'future', 'no office', 'lacks permission'],
  },
  'GET /api/v1/legal-knowledge/answers/:id': {
    permission: 'legal.knowledge.edit',
    covers: ['allowed', 'expired', 'future', 'no office', 'lacks permission', 'missing'],
  },
  'POST /api/v1/legal-knowledge/answers': {
    permission: 'legal.knowledge.edit',
    covers: ['allowed', 'expired', 'future', 'no office', 'lacks permission'],
  },
  'POST /api/v1/legal-knowledge/answers/:id/versions': {
    permission: 'legal.knowledge.edit',
    covers: ['allowed', 'expired', 'future', 'no office', 'lacks permission', 'missing'],
  },
  'POST /api/v1/legal-knowledge/versions/:id/submit': {
    permission: 'legal.knowledge.edit',
    covers: ['allowed', 'expired', 'future', 'no office', 'lacks permission'],
  },
  'POST /api/v1/legal-knowledge/versions/:id/review': {
    permission: 'legal.knowledge.review',
    covers: [
      'allowed',
      'sees, may not change',
      'expired',
      'future',
      'no office',
      'lacks permission',
      'missing',
    ],
  },
  'GET /api/v1/legal-knowledge/feedback': {
    permission: 'legal.knowledge.edit',
    covers: ['allowed', 'expired', 'future', 'no office', 'lacks permission'],
  },
};

/** The five cases (plus a term not yet begun), and a positive control, for every permission route. */
const REQUIRED: Kind[] = ['allowed', 'sibling', 'parent', 'child', 'expired', 'future', 'no office'];

/** The knowledge console's routes: no unit to be placed wrongly against. */
const LEGAL_KNOWLEDGE_IS_NATIONAL: Partial<Record<Kind, string>> = {
  sibling: 'the legal knowledge is national: every adviser edits the same body of law',
  parent: 'the legal knowledge is national: every adviser edits the same body of law',
  child: 'the legal knowledge is national: every adviser edits the same body of law',
};

/** Where a required case cannot apply, and why. */
const NOT_APPLICABLE: Record<string, Partial<Record<Kind, string>>> = {
  'POST /api/v1/accounts': {
    sibling: 'a new account belongs to no unit until appointed: there is no place beside it',
    parent: 'a new account belongs to no unit: there is nothing to reach up to',
    child: 'a new account belongs to no unit: there is no subtree to reach into',
  },
  'GET /api/v1/members/import/template': {
    sibling: 'the template is blank: it holds no one, so there is no place to be wrong about',
    parent: 'the template is blank: it holds no one, so there is no place to be wrong about',
    child: 'the template is blank: it holds no one, so there is no place to be wrong about',
  },
  'GET /api/v1/members/transfer-destinations': {
    sibling: 'a transfer may go to any grassroots union in the country: every caller gets the same list',
    parent: 'a transfer may go to any grassroots union in the country: every caller gets the same list',
    child: 'a transfer may go to any grassroots union in the country: every caller gets the same list',
  },
  'GET /api/v1/statistics/report-files/:id': {
    child:
      'only the Confederation’s report runs as a job, and every unit lies below it: there is no subtree beside it',
  },
  'POST /api/v1/cards/benefit-uses': {
    sibling: 'the benefit programme is national: a merchant anywhere records a use on any valid card',
    parent: 'the benefit programme is national: a merchant anywhere records a use on any valid card',
    child: 'the benefit programme is national: a merchant anywhere records a use on any valid card',
  },
  'GET /api/v1/legal-knowledge/answers': LEGAL_KNOWLEDGE_IS_NATIONAL,
  'GET /api/v1/legal-knowledge/answers/:id': LEGAL_KNOWLEDGE_IS_NATIONAL,
  'POST /api/v1/legal-knowledge/answers': LEGAL_KNOWLEDGE_IS_NATIONAL,
  'POST /api/v1/legal-knowledge/answers/:id/versions': LEGAL_KNOWLEDGE_IS_NATIONAL,
  'POST /api/v1/legal-knowledge/versions/:id/submit': LEGAL_KNOWLEDGE_IS_NATIONAL,
  'POST /api/v1/legal-knowledge/versions/:id/review': LEGAL_KNOWLEDGE_IS_NATIONAL,
  'GET /api/v1/legal-knowledge/feedback': LEGAL_KNOWLEDGE_IS_NATIONAL,
};

/**
 * Any signed-in account, on its own data only (session.access.test.ts, members.access.test.ts,
 * notifications.access.test.ts, cards.access.test.ts), or on the members' voice as its author, its
 * handling officer or a member in a proposal's public scope (voice-items.access.test.ts), or on the
 * assistant conversations it started (assistant.access.test.ts).
 */
const AUTHENTICATED_ROUTES = [
  'GET /api/v1/jobs/:id',
  'GET /api/v1/me',
  'GET /api/v1/me/card',
  'POST /api/v1/me/card/device',
  'POST /api/v1/me/card/revoke',
  'GET /api/v1/me/member',
  'POST /api/v1/me/member/corrections',
  'GET /api/v1/me/union',
  'GET /api/v1/me/notifications',
  'POST /api/v1/me/notifications/read',
  'GET /api/v1/roles',
  'GET /api/v1/concerns',
  'POST /api/v1/concerns',
  'POST /api/v1/concerns/suggest',
  'GET /api/v1/concerns/:id',
  'POST /api/v1/concerns/:id/answer',
  'POST /api/v1/concerns/:id/escalate',
  'POST /api/v1/concerns/:id/pass-on',
  'POST /api/v1/concerns/:id/notes',
  'POST /api/v1/concerns/:id/status',
  'POST /api/v1/concerns/:id/category',
  'POST /api/v1/concerns/:id/rate',
  'POST /api/v1/concerns/:id/reopen',
  'POST /api/v1/concerns/:id/support',
  'DELETE /api/v1/concerns/:id/support',
  'POST /api/v1/concerns/:id/attachments',
  'GET /api/v1/concerns/:id/attachments/:attachmentId',
  'GET /api/v1/surveys',
  'GET /api/v1/surveys/:id',
  'POST /api/v1/surveys/:id/responses',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/totp/disable',
  'POST /api/v1/auth/totp/enable',
  'POST /api/v1/auth/totp/setup',
  'GET /api/v1/assistant/conversations',
];

/**
 * No sign-in needed. The legal assistant and the law's text are public; a conversation started with a
 * session stays its account's alone (assistant.access.test.ts).
 */
const PUBLIC_ROUTES = [
  'GET /api/v1/health',
  'GET /api/v1/cards/status-list',
  'POST /api/v1/cards/verify',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/login/code',
  'POST /api/v1/auth/login/code/request',
  'POST /api/v1/auth/password-reset/confirm',
  'POST /api/v1/auth/password-reset/request',
  'POST /api/v1/assistant/ask',
  'GET /api/v1/assistant/conversations/:id',
  'POST /api/v1/assistant/messages/:id/feedback',
  'POST /api/v1/assistant/contact',
  'GET /api/v1/assistant/advice-centres',
  'GET /api/v1/law/documents',
  'GET /api/v1/law/document',
  'GET /api/v1/law/articles/:id',
];

/** Each case-table builder, and the *.access.test.ts file expected to run it. */
const TABLE_BUILDERS = {
  unitsRouteTable: 'units.access.test.ts',
  officesRouteTable: 'offices.access.test.ts',
  accountsRouteTable: 'accounts.access.test.ts',
  auditRouteTable: 'audit.access.test.ts',
  membersReadRouteTable: 'members.access.test.ts',
  membersChangeRouteTable: 'members-changes.access.test.ts',
  statisticsRouteTable: 'statistics.access.test.ts',
  cardsRouteTable: 'cards.access.test.ts',
  voiceRouteTable: 'voice.access.test.ts',
  assistantRouteTable: 'assistant.access.test.ts',
};

const caseTables = (): RouteTable => ({
  ...unitsRouteTable(s),
  ...officesRouteTable(s),
  ...accountsRouteTable(s),
  ...auditRouteTable(s),
  ...membersReadRouteTable(s),
  ...membersChangeRouteTable(s),
  ...statisticsRouteTable(s),
  ...cardsRouteTable(s),
  ...voiceRouteTable(s),
  ...assistantRouteTable(s),
});

const sorted = (values: Iterable<string>) => [...values].sort();
const routesWith = (access: 'permission' | 'authenticated' | 'public') =>
  s.t.app.routeCatalogue
    .filter((route) => access in route.access)
    .map((route) => `${route.method} ${route.url}`);

describe('the denial suites cover every route that exists', () => {
  it('lists every permission route of the catalogue, and no route that is gone', () => {
    expect(sorted(Object.keys(PERMISSION_ROUTES))).toEqual(sorted(routesWith('permission')));
  });

  it('has a case table, run by an *.access.test.ts file, for each of them', () => {
    expect(sorted(Object.keys(caseTables()))).toEqual(sorted(Object.keys(PERMISSION_ROUTES)));
  });

  it('runs every case table from its *.access.test.ts file', async () => {
    const files = (await readdir(import.meta.dirname)).filter((file) => file.endsWith('.access.test.ts'));
    const running: Record<string, string> = {};
    for (const file of files) {
      const source = await readFile(path.join(import.meta.dirname, file), 'utf8');
      for (const builder of Object.keys(TABLE_BUILDERS)) {
        if (source.includes(`describeRoutes(${builder}(s))`)) running[builder] = file;
      }
    }
    expect(running).toEqual(TABLE_BUILDERS);
  });

  it('names the permission each route declares', () => {
    const declared = Object.fromEntries(
      s.t.app.routeCatalogue
        .filter((route) => 'permission' in route.access)
        .map((route) => [
          `${route.method} ${route.url}`,
          (route.access as { permission: Permission }).permission,
        ]),
    );
    const claimed = Object.fromEntries(
      Object.entries(PERMISSION_ROUTES).map(([route, row]) => [route, row.permission]),
    );
    expect(claimed).toEqual(declared);
  });

  it('claims exactly the cases each case table holds', () => {
    const tables = caseTables();
    const held = Object.fromEntries(
      Object.entries(tables).map(([route, spec]) => [route, sorted(new Set(spec.cases.map((c) => c.kind)))]),
    );
    const claimed = Object.fromEntries(
      Object.entries(PERMISSION_ROUTES).map(([route, row]) => [route, sorted(row.covers)]),
    );
    expect(claimed).toEqual(held);
  });

  it('covers sibling, parent, child, expired and future terms, no office, and a positive control on each', () => {
    const missing = Object.entries(PERMISSION_ROUTES).flatMap(([route, row]) =>
      REQUIRED.filter((kind) => !row.covers.includes(kind) && !NOT_APPLICABLE[route]?.[kind]).map(
        (kind) => `${route}: ${kind}`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it('lists exactly these authenticated routes', () => {
    expect(sorted(routesWith('authenticated'))).toEqual(sorted(AUTHENTICATED_ROUTES));
  });

  it('lists exactly these public routes', () => {
    expect(sorted(routesWith('public'))).toEqual(sorted(PUBLIC_ROUTES));
  });
});

describe('every non-public route refuses a caller who is not signed in', () => {
  const call = (route: string, headers: Record<string, string>) => {
    const [method, url] = route.split(' ') as [string, string];
    return s.inject(headers, {
      method: method as 'GET',
      // Any id: the guard answers before the handler, so it never looks the record up.
      url: url.replace(':id', '1'),
      ...(method === 'GET' || method === 'HEAD' ? {} : { payload: {} }),
    });
  };

  const MADE_UP: Record<string, string>[] = [
    {},
    { authorization: 'Bearer made-up-token' },
    { cookie: 'cds_session=made-up' },
  ];

  it('answers 401 auth.required to no token and to a made-up one, on every route in the catalogue', async () => {
    for (const route of [...routesWith('permission'), ...routesWith('authenticated')]) {
      for (const headers of MADE_UP) {
        const response = await call(route, headers);
        expect({ route, status: response.statusCode, body: response.json() }).toEqual({
          route,
          status: 401,
          body: { error: { code: 'auth.required', message: 'Vui lòng đăng nhập.' } },
        });
      }
    }
  });

  it('answers 401 auth.required to HEAD, which Fastify adds for every GET route', async () => {
    const gets = [...routesWith('permission'), ...routesWith('authenticated')].filter((route) =>
      route.startsWith('GET '),
    );
    for (const route of gets) {
      const response = await call(route.replace(/^GET/, 'HEAD'), {});
      expect({ route, status: response.statusCode }).toEqual({ route, status: 401 });
    }
  });

  it('lets the public routes answer without a sign-in, even with a made-up token', async () => {
    const bogus = { authorization: 'Bearer made-up-token' };
    const health = await s.inject(bogus, { method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    const login = await s.inject(bogus, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'khong.ai', password: 'wrong-password' },
    });
    expectError(login, 401, 'auth.invalid_credentials');
    const request = await s.inject(bogus, {
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { login: 'khong.ai' },
    });
    expect(request.statusCode).toBe(202);
    const confirm = await s.inject(bogus, {
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { login: 'khong.ai', code: '123456', newPassword: 'a-new-password-2026' },
    });
    expectError(confirm, 400, 'auth.reset_code_invalid');
    const codeRequest = await s.inject(bogus, {
      method: 'POST',
      url: '/api/v1/auth/login/code/request',
      payload: { login: 'khong.ai' },
    });
    expect(codeRequest.statusCode).toBe(202);
    const codeLogin = await s.inject(bogus, {
      method: 'POST',
      url: '/api/v1/auth/login/code',
      payload: { login: 'khong.ai', code: '123456' },
    });
    expectError(codeLogin, 400, 'auth.login_code_invalid');
  });
});
