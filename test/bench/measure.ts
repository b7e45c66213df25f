import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';

/** Starts `server.ts` in a child process; resolves with its base URL and a stop function. */
export async function startBenchServer(
  env: Record<string, string> = {},
): Promise<{ url: string; stop(): void }> {
  const child: ChildProcess = fork(new URL('./server.ts', import.meta.url), [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await once(child, 'message')) as [{ port: number }];
  return { url: `http://127.0.0.1:${message.port}`, stop: () => child.kill() };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `fn` `n` times one after another; microseconds per call. */
export async function timePerCall(fn: () => Promise<unknown>, n: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return ((performance.now() - start) * 1000) / n;
}

/** Requests per second with `concurrency` callers looping for `ms`, and this process's CPU µs per request. */
export async function throughput(
  fn: () => Promise<unknown>,
  concurrency: number,
  ms: number,
): Promise<{ rps: number; cpuUs: number }> {
  let done = 0;
  const end = performance.now() + ms;
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await fn();
        done++;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { rps: (done * 1000) / (performance.now() - start), cpuUs: (used.user + used.system) / done };
}

export const fmt = {
  ratio: (x: number) => `${x.toFixed(2)}×`,
  int: (x: number) => Math.round(x).toLocaleString('en-US'),
  us: (x: number) => `${x.toFixed(1)} µs`,
  cpu: (x: number) => `${x.toFixed(0)} µs CPU`,
  ms: (x: number) => `${Math.round(x)} ms`,
  mbps: (bytesPerSecond: number) => `${(bytesPerSecond / 1024 / 1024).toFixed(0)} MiB/s`,
  mb: (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`,
};

export interface Row {
  benchmark: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
}
