import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadResult, LoadSeries, LoadSpec } from './load-spec.js';

type Reply = { id: number; result: LoadResult; error?: undefined } | { id: number; error: string };

/**
 * autocannon in a child process (the same tsx loader as this one), reused for every figure of a run.
 * A figure fails when any response is not 2xx or any request errs: a fast error page is not a result.
 */
export class LoadGenerator {
  private child: ChildProcess | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: LoadResult): void; reject(e: Error): void }>();

  private start(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(fileURLToPath(new URL('./load-generator.child.ts', import.meta.url)), [], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error !== undefined) waiting.reject(new Error(`load generator: ${reply.error}`));
      else waiting.resolve(reply.result);
    });
    child.on('exit', (code, signal) => {
      this.child = undefined;
      for (const waiting of this.pending.values()) {
        waiting.reject(new Error(`load generator exited (code ${code}, signal ${signal})`));
      }
      this.pending.clear();
    });
    this.child = child;
    return child;
  }

  /** Runs the load once, unchecked (warm-ups use this). */
  run(spec: LoadSpec): Promise<LoadResult> {
    const child = this.start();
    const id = this.nextId++;
    return new Promise<LoadResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.send({ id, spec }, (error) => {
        if (!error) return;
        this.pending.delete(id);
        reject(error);
      });
    });
  }

  /** Warms up for `warmupSeconds`, then measures; throws when a response was not 2xx. */
  async measure(spec: LoadSpec, warmupSeconds: number): Promise<LoadResult> {
    const [series] = await this.measureInterleaved([spec], { rounds: 1, warmupSeconds });
    return series!.rounds[0]!;
  }

  /**
   * Measures figures that will be compared in `rounds` slices of their duration, alternating
   * (A B A B…), so that a noisy neighbour waking up halfway hits both alike. Each spec is warmed up
   * once, just before its first round. Throws when a response was not 2xx.
   */
  async measureInterleaved(
    specs: LoadSpec[],
    options: { rounds: number; warmupSeconds: number },
  ): Promise<LoadSeries[]> {
    const rounds = specs.map(() => [] as LoadResult[]);
    for (let round = 0; round < options.rounds; round++) {
      for (const [i, spec] of specs.entries()) {
        if (round === 0 && options.warmupSeconds > 0) {
          await this.run({
            ...spec,
            title: `${spec.title} (warm-up)`,
            durationSeconds: options.warmupSeconds,
          });
        }
        const result = await this.run({ ...spec, durationSeconds: spec.durationSeconds / options.rounds });
        if (result.non2xx > 0 || result.errors > 0 || result.completed === 0) {
          throw new Error(
            `${spec.title}: ${result.completed} responses, ${result.non2xx} not 2xx ` +
              `(status codes ${JSON.stringify(result.statusCodes)}), ${result.errors} errors, ${result.timeouts} timeouts`,
          );
        }
        rounds[i]!.push(result);
      }
    }
    return specs.map((spec, i) => {
      const completed = rounds[i]!.reduce((sum, r) => sum + r.completed, 0);
      const durationSeconds = rounds[i]!.reduce((sum, r) => sum + r.durationSeconds, 0);
      return {
        title: spec.title,
        requestsPerSecond: completed / durationSeconds,
        completed,
        durationSeconds,
        rounds: rounds[i]!,
      };
    });
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      if (child.connected) child.disconnect();
      else child.kill('SIGTERM');
    });
  }
}
