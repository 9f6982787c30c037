import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, givenUnitTree, signInAsAdmin, type SignedIn, type TestApp } from '../support/index.js';

/**
 * "No input makes the server answer 500": every API route, called by the most powerful caller with
 * arbitrary JSON bodies, path ids and query strings, answers 2xx or a 4xx error in the error shape.
 */
describe('arbitrary input', () => {
  let t: TestApp;
  let admin: SignedIn;
  let someUnitId: number;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signInAsAdmin(t);
    someUnitId = (await givenUnitTree(t)).grassrootsA.id;
  });
  afterAll(() => t.close());

  const pathValue = fc.oneof(
    fc.constantFrom('0', '-1', '1.5', '9999999999', '2147483648', 'abc', '%00', '1e3', ''),
    fc.integer({ min: 1, max: 2_147_483_647 }).map(String),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
  );
  const queryString = fc
    .dictionary(
      fc.constantFrom(
        'q',
        'limit',
        'cursor',
        'at',
        'includeClosed',
        'includePast',
        'unitId',
        'under',
        'type',
        'action',
      ),
      fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constant('')),
      { maxKeys: 4 },
    )
    .map((params) => new URLSearchParams(params).toString());
  const body = fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
    fc
      .record({
        parentId: fc.oneof(fc.integer(), fc.string()),
        type: fc.string({ maxLength: 20 }),
        name: fc.string({ maxLength: 300 }),
        effectiveOn: fc.oneof(fc.string({ maxLength: 12 }), fc.constant('2025-02-30')),
        newParentId: fc.oneof(fc.integer(), fc.constant(null)),
        unitIds: fc.array(fc.integer(), { maxLength: 5 }),
        role: fc.string({ maxLength: 20 }),
        termStart: fc.string({ maxLength: 12 }),
        accountId: fc.integer(),
        login: fc.string({ maxLength: 40 }),
        password: fc.string({ maxLength: 40 }),
      })
      .map((value) => JSON.stringify(value)),
    fc.constantFrom('{', '[]', 'null', '"x"', '{"a":', '\u0000'),
  );

  it('never answers 5xx, and every error has the error shape', async () => {
    const routes = t.app.routeCatalogue;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        pathValue,
        queryString,
        body,
        fc.boolean(),
        async (route, id, query, payload, useRealId) => {
          const url = `${route.url.replace(':id', useRealId ? String(someUnitId) : id)}?${query}`;
          const response = await t.app.inject({
            method: route.method as 'GET',
            url,
            headers: {
              ...admin.headers,
              ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }),
            },
            ...(route.method === 'GET' ? {} : { payload }),
          });
          expect(response.statusCode, `${route.method} ${url} ${payload} → ${response.body}`).toBeLessThan(
            500,
          );
          if (response.statusCode >= 400) {
            expect(response.json()).toMatchObject({
              error: { code: expect.any(String), message: expect.any(String) },
            });
          }
        },
      ),
      { numRuns: 600, seed: 2026 },
    );
  });
});
