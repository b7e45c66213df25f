/**
 * 4. `iteratePages` (what the SDKs' iterAll use) over 100 pages, the server answering each page after 5 ms
 * and the caller spending 5 ms on each page (writing it somewhere), against a sequential page loop.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ApiClient,
  createSdkTransport,
  iteratePages,
  type OperationDescriptor,
  Page,
} from '@sdkforge/runtime';
import { nodeTransport } from '@sdkforge/runtime/node';
import { fmt, median, type Row, startBenchServer } from './measure.ts';

const op = {
  id: 'listPages',
  method: 'GET',
  path: '/pages',
  response: 'json',
} as const satisfies OperationDescriptor;
const PAGES = 100;
const LIMIT = 20;

export async function pagination(rounds = 3): Promise<Row[]> {
  const server = await startBenchServer();
  const transport = nodeTransport();
  const api = new ApiClient({ baseUrl: server.url, transport: createSdkTransport({ fetch: transport }) });
  const fetchPage = async (offset: number, limit: number | undefined) =>
    Page.from<{ id: number }>(await api.request(op, { query: { offset, limit, total: PAGES * LIMIT } }));
  const consume = async (page: Page<{ id: number }>) => {
    await sleep(5);
    return page.items.length;
  };
  const variants = {
    sequential: async () => {
      let items = 0;
      for (let offset: number | undefined = 0; offset !== undefined; ) {
        const page = await fetchPage(offset, LIMIT);
        items += await consume(page);
        offset = page.nextOffset;
      }
      return items;
    },
    iterAll: async () => {
      let items = 0;
      for await (const page of iteratePages(fetchPage, { limit: LIMIT })) items += await consume(page);
      return items;
    },
  };
  const samples: Record<string, number[]> = { sequential: [], iterAll: [] };
  try {
    for (let r = 0; r < rounds; r++) {
      for (const [name, fn] of Object.entries(variants)) {
        const start = performance.now();
        const items = await fn();
        if (items !== PAGES * LIMIT) throw new Error(`${name} saw ${items} items`);
        samples[name]?.push(performance.now() - start);
      }
    }
  } finally {
    await transport.close();
    server.stop();
  }
  const ours = median(samples.iterAll ?? []);
  const base = median(samples.sequential ?? []);
  return [
    {
      benchmark: '4. iterAll over 100 pages, 5 ms server latency, 5 ms work per page',
      ours: fmt.ms(ours),
      baseline: `${fmt.ms(base)} sequential page loop`,
      ratio: `${fmt.ratio(base / ours)} faster`,
      target: '≥ 1.8×',
    },
  ];
}
