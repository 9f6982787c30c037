/** What the load generator is asked to do, and what it answers: plain data, so it crosses processes. */

export interface LoadRequest {
  /** Path and query, e.g. "/api/v1/units/42/children?limit=50". */
  path: string;
  body?: string;
  /** Added to the spec's headers for this request: one signed-in user among many, say. */
  headers?: Record<string, string>;
}

export interface LoadSpec {
  title: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Each request picks one of these at random, so caches see realistic variety. */
  requests: LoadRequest[];
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  title: string;
  /** Completed requests divided by the measured duration. */
  requestsPerSecond: number;
  completed: number;
  durationSeconds: number;
  latencyMs: { average: number; p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

/** One figure measured in several rounds, interleaved with the figure it is compared with. */
export interface LoadSeries {
  title: string;
  /** All rounds' completed requests over all rounds' measured seconds. */
  requestsPerSecond: number;
  completed: number;
  durationSeconds: number;
  rounds: LoadResult[];
}
