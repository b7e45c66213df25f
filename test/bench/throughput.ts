/**
 * 2. Loopback throughput of a GET returning ~1 KB of JSON, the server in its own process: an SDK call
 * (all policies, Node transport fast path; and the same on Node's fetch) against raw `undici.request`,
 * undici's `fetch`, the global `fetch` and two clients a TypeScript developer might otherwise reach for (axios
 * with a keep-alive agent, ky over the global fetch), at concurrency 1 and 64. Rounds are paired: each round runs every
 * variant once, the ratio is taken within the round and the table shows the median ratio, so a noisy
 * neighbour slowing one round does not skew the result. Two more rows split the SDK's cost into its layers
 * (the transport alone; the request engine without policies), with the client's CPU time per request.
 */
import { Agent as HttpAgent } from 'node:http';
import { ApiClient, createSdkTransport, type OperationDescriptor } from '@sdkforge/runtime';
import { nodeTransport } from '@sdkforge/runtime/node';
import axios from 'axios';
import ky from 'ky';
import { Agent, request, fetch as undiciFetch } from 'undici';
import { fmt, median, type Row, startBenchServer, throughput } from './measure.ts';

const op = {
  id: 'getItem',
  method: 'GET',
  path: '/items/{id}',
  response: 'json',
} as const satisfies OperationDescriptor;

const BASELINE = 'undici.request';
const SHOWN: Record<string, string> = {
  'SDK (fast path)': 'SDK (fast path)',
  'SDK (fetch engine)': 'SDK (fetch engine)',
  'undici fetch': 'undici fetch',
  'global fetch': 'global fetch',
  axios: 'axios (node:http, keep-alive agent)',
  ky: 'ky (global fetch)',
  'layer: transport alone': 'layers: the fast-path transport alone (web Request in, web Response out)',
  'layer: engine, no policies': 'layers: request engine (openapi-fetch) over that transport, no policies',
};

export async function loopback(rounds = 7, ms = 1000): Promise<Row[]> {
  const server = await startBenchServer();
  const url = `${server.url}/items/a1`;
  const rawAgent = new Agent({ connections: 128, keepAliveTimeout: 60_000 });
  const fetchAgent = new Agent({ connections: 128, keepAliveTimeout: 60_000 });
  const fast = nodeTransport({ keepAliveTimeout: 60_000 });
  const viaFetch = nodeTransport({ keepAliveTimeout: 60_000, engine: 'fetch' });
  const sdkFast = new ApiClient({ baseUrl: server.url, transport: createSdkTransport({ fetch: fast }) });
  const sdkFetch = new ApiClient({ baseUrl: server.url, transport: createSdkTransport({ fetch: viaFetch }) });
  const engineOnly = new ApiClient({ baseUrl: server.url, transport: fast });
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 128 });
  const axiosClient = axios.create({ httpAgent });
  const context = { operationId: 'getItem', anonymous: true, options: {}, attempt: 1 };
  const variants: Record<string, () => Promise<unknown>> = {
    [BASELINE]: async () => {
      const r = await request(url, { dispatcher: rawAgent });
      await r.body.json();
    },
    'SDK (fast path)': () => sdkFast.request(op, { path: { id: 'a1' } }),
    'SDK (fetch engine)': () => sdkFetch.request(op, { path: { id: 'a1' } }),
    'undici fetch': async () => {
      const r = await undiciFetch(url, { dispatcher: fetchAgent });
      await r.json();
    },
    'global fetch': async () => {
      const r = await fetch(url);
      await r.json();
    },
    axios: () => axiosClient.get(url),
    ky: () => ky.get(url).json(),
    'layer: transport alone': async () => {
      const r = await fast(new Request(url), context);
      await r.json();
    },
    'layer: engine, no policies': () => engineOnly.request(op, { path: { id: 'a1' } }),
  };
  const rows: Row[] = [];
  try {
    for (const concurrency of [1, 64]) {
      const ratios = new Map<string, number[]>();
      const rps = new Map<string, number[]>();
      const cpu = new Map<string, number[]>();
      for (const fn of Object.values(variants)) await throughput(fn, concurrency, 300);
      for (let r = 0; r < rounds; r++) {
        const round = new Map<string, number>();
        for (const [name, fn] of Object.entries(variants)) {
          const result = await throughput(fn, concurrency, ms);
          round.set(name, result.rps);
          push(rps, name, result.rps);
          push(cpu, name, result.cpuUs);
        }
        for (const [name, value] of round) push(ratios, name, value / (round.get(BASELINE) as number));
      }
      const med = (map: Map<string, number[]>, name: string) => median(map.get(name) ?? []);
      for (const [name, label] of Object.entries(SHOWN)) {
        rows.push({
          benchmark: `2. loopback GET, concurrency ${concurrency}: ${label}`,
          ours: `${fmt.int(med(rps, name))} req/s, ${fmt.cpu(med(cpu, name))}`,
          baseline: `${fmt.int(med(rps, BASELINE))} req/s, ${fmt.cpu(med(cpu, BASELINE))} undici.request`,
          ratio: fmt.ratio(med(ratios, name)),
          target: concurrency === 64 && name === 'SDK (fast path)' ? '≥ 0.8×' : '—',
        });
      }
    }
  } finally {
    await Promise.all([rawAgent.close(), fetchAgent.close(), fast.close(), viaFetch.close()]);
    httpAgent.destroy();
    server.stop();
  }
  return rows;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
