/**
 * The load generator's own process: autocannon runs here so that it does not share the event loop
 * of the server it measures. It answers one `LoadSpec` at a time over IPC.
 */
import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './load-spec.js';

interface Job {
  id: number;
  spec: LoadSpec;
}

async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const { requests } = spec;
  if (requests.length === 0) throw new Error(`${spec.title}: no requests to send`);
  const pick = () => requests[Math.floor(Math.random() * requests.length)]!;
  const result = await autocannon({
    url: spec.origin,
    title: spec.title,
    connections: spec.connections,
    duration: spec.durationSeconds,
    timeout: 30,
    requests: [
      {
        method: spec.method,
        headers: spec.headers,
        setupRequest: (request) => {
          const next = pick();
          return {
            ...request,
            path: next.path,
            ...(next.body === undefined ? {} : { body: next.body }),
            ...(next.headers === undefined ? {} : { headers: { ...request.headers, ...next.headers } }),
          };
        },
      },
    ],
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats)) statusCodes[code] = stats.count;
  const completed = result.requests.total;
  return {
    title: spec.title,
    requestsPerSecond: completed / result.duration,
    completed,
    durationSeconds: result.duration,
    latencyMs: {
      average: result.latency.average,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

process.on('message', (message: Job) => {
  runLoad(message.spec).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) =>
      process.send?.({ id: message.id, error: error instanceof Error ? error.stack : String(error) }),
  );
});
// The harness owns this process: when it goes away, so do we.
process.on('disconnect', () => process.exit(0));
