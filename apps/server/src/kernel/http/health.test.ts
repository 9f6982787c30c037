import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/index.js';

describe('GET /api/v1/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('answers ok with the engine in use and the version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('answers an unknown API address with a Vietnamese 404 in the error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/khong-co' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'request.not_found', message: 'Không tìm thấy địa chỉ yêu cầu.' },
    });
  });
});
