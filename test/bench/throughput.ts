/**
 * 2. Loopback throughput of a GET returning ~1 KB of JSON, the server in its own process: an SDK call
 * (all policies, Node transport fast path; and the same on Node's fetch) against raw `undici.request`,
 * undici's `fetch` and the global `fetch`, at concurrency 1 and 64.
 */
import { ApiClient, createSdkTransport, type OperationDescriptor } from '@sdkforge/runtime';
import { nodeTransport } from '@sdkforge/runtime/node';
import { Agent, request, fetch as undiciFetch } from 'undici';
import { fmt, median, type Row, startBenchServer, throughput } from './measure.ts';

const op = {
  id: 'getItem',
  method: 'GET',
  path: '/items/{id}',
  response: 'json',
} as const satisfies OperationDescriptor;

export async function loopback(rounds = 5, ms = 1500): Promise<Row[]> {
  const server = await startBenchServer();
  const url = `${server.url}/items/a1`;
  const rawAgent = new Agent({ connections: 128, keepAliveTimeout: 60_000 });
  const fetchAgent = new Agent({ connections: 128, keepAliveTimeout: 60_000 });
  const fast = nodeTransport({ keepAliveTimeout: 60_000 });
  const viaFetch = nodeTransport({ keepAliveTimeout: 60_000, engine: 'fetch' });
  const sdkFast = new ApiClient({ baseUrl: server.url, transport: createSdkTransport({ fetch: fast }) });
  const sdkFetch = new ApiClient({ baseUrl: server.url, transport: createSdkTransport({ fetch: viaFetch }) });
  const variants = {
    'undici.request': async () => {
      const r = await request(url, { dispatcher: rawAgent });
      await r.body.json();
    },
    'undici fetch': async () => {
      const r = await undiciFetch(url, { dispatcher: fetchAgent });
      await r.json();
    },
    'global fetch': async () => {
      const r = await fetch(url);
      await r.json();
    },
    'SDK (fast path)': () => sdkFast.request(op, { path: { id: 'a1' } }),
    'SDK (fetch engine)': () => sdkFetch.request(op, { path: { id: 'a1' } }),
  };
  const rows: Row[] = [];
  try {
    for (const concurrency of [1, 64]) {
      const samples = new Map<string, number[]>(Object.keys(variants).map((k) => [k, []]));
      for (const fn of Object.values(variants)) await throughput(fn, concurrency, 300);
      for (let r = 0; r < rounds; r++) {
        for (const [name, fn] of Object.entries(variants))
          samples.get(name)?.push(await throughput(fn, concurrency, ms));
      }
      const rps = (name: string) => median(samples.get(name) ?? []);
      const raw = rps('undici.request');
      for (const name of ['SDK (fast path)', 'SDK (fetch engine)', 'undici fetch', 'global fetch']) {
        rows.push({
          benchmark: `2. loopback GET, concurrency ${concurrency}: ${name}`,
          ours: `${fmt.int(rps(name))} req/s`,
          baseline: `${fmt.int(raw)} req/s undici.request`,
          ratio: fmt.ratio(rps(name) / raw),
          target: concurrency === 64 && name === 'SDK (fast path)' ? '≥ 0.8×' : '—',
        });
      }
    }
  } finally {
    await Promise.all([rawAgent.close(), fetchAgent.close(), fast.close(), viaFetch.close()]);
    server.stop();
  }
  return rows;
}
