import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { guardRouteDeclarations, type DeclaredRoute } from './route-guard.js';

const appWith = (config: Record<string, unknown>) => {
  const app = Fastify();
  guardRouteDeclarations(app, []);
  return () => app.get('/x', { config }, async () => 'ok');
};

describe('route guard', () => {
  it('refuses to start with a route that declares no access', () => {
    expect(appWith({})).toThrow(/must declare exactly one/);
  });

  it('refuses a route declaring two kinds of access', () => {
    expect(appWith({ public: true, permission: 'units.read' })).toThrow(/must declare exactly one/);
  });

  it('refuses a permission missing from the catalogue', () => {
    expect(appWith({ permission: 'units.teleport' })).toThrow(/unknown permission/);
  });

  it('lists accepted routes with their access', async () => {
    const catalogue: DeclaredRoute[] = [];
    const app = Fastify();
    guardRouteDeclarations(app, catalogue);
    app.get('/a', { config: { permission: 'units.read' } }, async () => 'a');
    app.post('/b', { config: { public: true } }, async () => 'b');
    await app.ready();
    expect(catalogue).toEqual([
      { method: 'GET', url: '/a', access: { permission: 'units.read' } },
      { method: 'POST', url: '/b', access: { public: true } },
    ]);
  });
});
