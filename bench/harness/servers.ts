import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Cleanup } from './cleanup.js';

/** Listens on an ephemeral port on the loopback; the server is closed with the run. */
export async function listenEphemeral(
  app: FastifyInstance,
  label: string,
  cleanup: Cleanup,
): Promise<string> {
  cleanup.defer(label, () => app.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/** The floor every HTTP figure is compared with: Fastify 5 and one static JSON route, nothing else. */
export function buildBareFastify(): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  return app;
}

/** One request through fetch, for the checks run before a figure is measured. */
export async function fetchJson<T>(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}
