/**
 * The benchmark server, run in its own process so it does not share the client's event loop:
 * `/items/{id}` a fixed JSON payload, `/pages?offset&limit` a page after 5 ms, `/big` a large file.
 * Sends `{ port }` to the parent over IPC.
 */
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const bigSize = Number(process.env.BENCH_BIG_BYTES ?? 0);
const block = Buffer.alloc(1024 * 1024);
for (let i = 0; i < block.length; i++) block[i] = (i * 131) & 0xff;
const payload = JSON.stringify({
  id: 'a1b2c3',
  name: 'Benchmark item',
  tags: ['alpha', 'beta', 'gamma'],
  items: Array.from({ length: 12 }, (_, i) => ({
    id: i,
    name: `item ${i}`,
    score: i * 1.5,
    active: i % 2 === 0,
  })),
});

async function sendBig(res: ServerResponse, start: number): Promise<void> {
  res.writeHead(start > 0 ? 206 : 200, {
    'content-type': 'application/octet-stream',
    'content-length': String(bigSize - start),
    'accept-ranges': 'bytes',
    etag: '"big-v1"',
    ...(start > 0 ? { 'content-range': `bytes ${start}-${bigSize - 1}/${bigSize}` } : {}),
  });
  let offset = start;
  while (offset < bigSize && !res.destroyed) {
    const from = offset % block.length;
    const chunk = block.subarray(from, Math.min(block.length, from + (bigSize - offset)));
    offset += chunk.length;
    if (!res.write(chunk)) await once(res, 'drain');
  }
  res.end();
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/big') {
    const range = req.headers.range?.match(/^bytes=(\d+)-$/);
    void sendBig(res, range ? Number(range[1]) : 0);
    return;
  }
  if (url.pathname === '/pages') {
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const total = Number(url.searchParams.get('total') ?? 1000);
    const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
      id: offset + i,
    }));
    const body = JSON.stringify({ items, total, limit, offset });
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(body), 5);
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(payload)),
  });
  res.end(payload);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('disconnect', () => process.exit(0));
