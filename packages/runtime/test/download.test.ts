import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/api-client.js';
import { AbortError, IntegrityError, NotFoundError } from '../src/errors.js';
import { download } from '../src/node/download.js';
import { downloadMany } from '../src/node/download-many.js';
import type { DownloadProgress } from '../src/node/progress.js';
import { nodeTransport } from '../src/node/transport.js';
import { createSdkTransport } from '../src/stack.js';
import { FakeClock } from '../src/testing/fake-clock.js';
import { ops, rejection } from './helpers.js';
import { startServer, type TestServer } from './server.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

const clock = new FakeClock();
const dir = () => mkdtempSync(join(tmpdir(), 'sdkforge-dl-'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const payload = (size: number, seed = 1) =>
  Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed) % 251));

interface FileServerOptions {
  ranges?: boolean;
  /** Cut the connection after this many body bytes, for the first `cuts` responses. */
  cutAfter?: number;
  cuts?: number;
  /** Replace the file after this many requests (If-Range then no longer matches). */
  changeAfter?: number;
  /** Send headers only, never the end of the body (for abort tests). */
  stallAfter?: number;
}

async function fileServer(initial: Buffer, options: FileServerOptions = {}) {
  let data = initial;
  let etag = `"v1-${sha(data).slice(0, 8)}"`;
  let responses = 0;
  let active = 0;
  const stats = { maxActive: 0 };
  const server = await startServer(async (req, res) => {
    responses++;
    active++;
    stats.maxActive = Math.max(stats.maxActive, active);
    res.on('close', () => active--);
    if (options.changeAfter !== undefined && responses > options.changeAfter) {
      data = payload(data.length, 7);
      etag = '"v2"';
    }
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', etag };
    if (options.ranges) headers['accept-ranges'] = 'bytes';
    const range = req.headers.range?.match(/^bytes=(\d+)-$/);
    const ifRange = req.headers['if-range'];
    let start = 0;
    let status = 200;
    if (options.ranges && range && (!ifRange || ifRange === etag)) {
      start = Number(range[1]);
      status = 206;
      headers['content-range'] = `bytes ${start}-${data.length - 1}/${data.length}`;
    }
    const body = data.subarray(start);
    headers['content-length'] = String(body.length);
    res.writeHead(status, headers);
    const cut = options.cutAfter !== undefined && responses <= (options.cuts ?? 1);
    if (options.stallAfter !== undefined) {
      res.write(body.subarray(0, options.stallAfter));
      return;
    }
    if (cut) {
      // A graceful close (FIN) after part of the body: the client gets those bytes, then a short body.
      res.write(body.subarray(0, options.cutAfter), () => res.socket?.end());
      return;
    }
    res.end(body);
  });
  cleanup.push(() => server.close());
  return { server, stats, current: () => data };
}

function transport() {
  const t = nodeTransport();
  cleanup.push(() => t.close());
  return t;
}

function rangesSeen(server: TestServer) {
  return server.requests.map((r) => [r.headers.range, r.headers['if-range']]);
}

/**
 * A source that serves `data` as an SDK call would, honouring Range/If-Range; its first `breaks` bodies fail
 * after `cutAfter` bytes — only once those bytes have been read, so every run sees the same sequence.
 */
function virtualFile(
  initial: Buffer,
  options: { ranges: boolean; cutAfter?: number; breaks?: number; changeAfter?: number },
) {
  let data = initial;
  let etag = '"v1"';
  const seen: [string | undefined, string | undefined][] = [];
  const source = async ({ headers }: { headers: Record<string, string> }) => {
    seen.push([headers.range, headers['if-range']]);
    if (options.changeAfter !== undefined && seen.length > options.changeAfter) {
      data = payload(initial.length, 7);
      etag = '"v2"';
    }
    const range = headers.range?.match(/^bytes=(\d+)-$/);
    const fresh = !headers['if-range'] || headers['if-range'] === etag;
    const start = options.ranges && range && fresh ? Number(range[1]) : 0;
    const body = data.subarray(start);
    const cut = options.cutAfter !== undefined && seen.length <= (options.breaks ?? 1);
    const out: Record<string, string> = { etag, 'content-length': String(body.length) };
    if (options.ranges) out['accept-ranges'] = 'bytes';
    if (start > 0) out['content-range'] = `bytes ${start}-${data.length - 1}/${data.length}`;
    let sent = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (!cut) {
            controller.enqueue(body);
            controller.close();
          } else if (!sent) {
            sent = true;
            controller.enqueue(body.subarray(0, options.cutAfter));
          } else {
            controller.error(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }));
          }
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(stream, { status: start > 0 ? 206 : 200, headers: out });
  };
  return { source, seen, current: () => data };
}

describe('download', () => {
  it('streams to <path>.part, verifies the SHA-256, renames atomically, reports progress', async () => {
    const data = payload(300_000);
    const { server } = await fileServer(data);
    const path = join(dir(), 'model.onnx');
    const progress: DownloadProgress[] = [];
    const result = await download(`${server.url}/f`, {
      path,
      sha256: sha(data).toUpperCase(),
      onProgress: (p) => progress.push(p),
      fetch: transport(),
    });
    expect(result).toMatchObject({ path, bytes: data.length, sha256: sha(data), resumed: 0, restarted: 0 });
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(existsSync(`${path}.part`)).toBe(false);
    expect(existsSync(`${path}.part.json`)).toBe(false);
    expect(progress.at(-1)).toMatchObject({ received: data.length, total: data.length });
    expect(
      progress.every((p, i) => i === 0 || p.received >= (progress[i - 1] as DownloadProgress).received),
    ).toBe(true);
  });

  it('mid-stream disconnect → resumes with Range + If-Range, byte-identical, right SHA-256', async () => {
    const data = payload(500_000);
    const file = virtualFile(data, { ranges: true, cutAfter: 120_000, breaks: 2 });
    const path = join(dir(), 'a.bin');
    const result = await download(file.source, { path, sha256: sha(data), clock });
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(result).toMatchObject({ resumed: 2, restarted: 0, sha256: sha(data), bytes: data.length });
    expect(file.seen).toEqual([
      [undefined, undefined],
      ['bytes=120000-', '"v1"'],
      ['bytes=240000-', '"v1"'],
    ]);
  });

  it('restarts from zero when the server does not accept ranges', async () => {
    const data = payload(200_000);
    const file = virtualFile(data, { ranges: false, cutAfter: 50_000 });
    const path = join(dir(), 'b.bin');
    const result = await download(file.source, { path, sha256: sha(data), clock });
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(result).toMatchObject({ resumed: 0, restarted: 1 });
    expect(file.seen).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it('starts over when If-Range no longer matches (the file changed)', async () => {
    const data = payload(200_000);
    const file = virtualFile(data, { ranges: true, cutAfter: 50_000, changeAfter: 1 });
    const path = join(dir(), 'c.bin');
    const result = await download(file.source, { path, clock });
    expect(file.current().equals(data)).toBe(false);
    expect(readFileSync(path).equals(file.current())).toBe(true);
    expect(result).toMatchObject({ restarted: 1, sha256: sha(file.current()) });
    expect(file.seen[1]).toEqual(['bytes=50000-', '"v1"']);
  });

  it('over real sockets: resets and short bodies end in the exact file, whatever the timing', async () => {
    const data = payload(600_000);
    for (const ranges of [true, false]) {
      const { server } = await fileServer(data, { ranges, cutAfter: 150_000, cuts: 2 });
      const path = join(dir(), `real-${ranges}.bin`);
      const result = await download(`${server.url}/f`, {
        path,
        sha256: sha(data),
        fetch: transport(),
        clock,
      });
      expect(readFileSync(path).equals(data)).toBe(true);
      expect(result.sha256).toBe(sha(data));
      expect(server.requests).toHaveLength(3);
      for (const [range, ifRange] of rangesSeen(server)) {
        if (!ranges) expect(range).toBeUndefined();
        else if (range)
          expect([range, ifRange]).toEqual([
            expect.stringMatching(/^bytes=\d+-$/),
            expect.stringMatching(/^"v1-/),
          ]);
      }
    }
  });

  it('a SHA-256 mismatch throws IntegrityError and keeps nothing', async () => {
    const { server } = await fileServer(payload(10_000));
    const path = join(dir(), 'd.bin');
    const error = await rejection(
      download(`${server.url}/f`, { path, sha256: 'ab'.repeat(32), fetch: transport() }),
    );
    expect(error).toBeInstanceOf(IntegrityError);
    expect(existsSync(path) || existsSync(`${path}.part`)).toBe(false);
  });

  it('an abort stops at once and keeps the .part; the next run resumes it', async () => {
    const data = payload(400_000);
    const stalled = await fileServer(data, { ranges: true, stallAfter: 100_000 });
    const path = join(dir(), 'e.bin');
    const controller = new AbortController();
    const pending = download(`${stalled.server.url}/f`, {
      path,
      signal: controller.signal,
      fetch: transport(),
      onProgress: (p) => {
        if (p.received >= 100_000) controller.abort();
      },
      progressInterval: 0,
    });
    expect(await rejection(pending)).toBeInstanceOf(AbortError);
    expect(readFileSync(`${path}.part`).length).toBe(100_000);

    const full = await fileServer(data, { ranges: true });
    const result = await download(`${full.server.url}/f`, { path, sha256: sha(data), fetch: transport() });
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(rangesSeen(full.server)[0]?.[0]).toBe('bytes=100000-');
    expect(result.bytes).toBe(data.length);
  });

  it('an HTTP error surfaces as the typed error, nothing written', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Block not found"}');
    });
    cleanup.push(() => server.close());
    const path = join(dir(), 'f.bin');
    const error = await rejection(download(`${server.url}/f`, { path, fetch: transport() }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(existsSync(path)).toBe(false);
  });

  it('takes an SDK call as the source (headers and signal forwarded through the policies)', async () => {
    const data = payload(150_000);
    const { server } = await fileServer(data, { ranges: true, cutAfter: 40_000 });
    const api = new ApiClient({
      baseUrl: server.url,
      transport: createSdkTransport({
        fetch: transport(),
        auth: (next) => (req, ctx) => {
          req.headers.set('authorization', 'Bearer t');
          return next(req, ctx);
        },
      }),
    });
    const path = join(dir(), 'g.bin');
    const result = await download(
      ({ headers, signal }) => api.request<Response>(ops.download, { path: { id: 1 }, headers }, { signal }),
      { path, sha256: sha(data), clock },
    );
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(result.resumed + result.restarted).toBeLessThanOrEqual(1);
    expect(server.requests).toHaveLength(2);
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer t')).toBe(true);
  });

  it('continues a .part left by an earlier run only when its metadata says ranges work', async () => {
    const data = payload(50_000);
    const { server } = await fileServer(data, { ranges: true });
    const path = join(dir(), 'h.bin');
    writeFileSync(`${path}.part`, Buffer.alloc(1000, 9)); // junk without metadata: not trusted
    await download(`${server.url}/f`, { path, sha256: sha(data), fetch: transport() });
    expect(readFileSync(path).equals(data)).toBe(true);
    expect(rangesSeen(server)[0]).toEqual([undefined, undefined]);
  });
});

describe('downloadMany', () => {
  it('keeps to the concurrency, aggregates progress, verifies every file', async () => {
    const files = Array.from({ length: 5 }, (_, i) => payload(80_000 + i * 1000, i));
    const served = await startServer((req, res) => {
      const body = files[Number(req.url?.slice(1))] as Buffer;
      setTimeout(() => res.writeHead(200, { 'content-length': String(body.length) }).end(body), 10);
    });
    cleanup.push(() => served.close());
    let active = 0;
    let maxActive = 0;
    const base = transport();
    const counting: typeof base = Object.assign(
      async (req: Request, ctx: Parameters<typeof base>[1]) => {
        active++;
        maxActive = Math.max(maxActive, active);
        try {
          return await base(req, ctx);
        } finally {
          active--;
        }
      },
      { dispatcher: base.dispatcher, close: base.close },
    );
    const root = dir();
    const reports: { received: number; files: { done: number } }[] = [];
    const results = await downloadMany(
      files.map((f, i) => ({ source: `${served.url}/${i}`, path: join(root, `${i}.bin`), sha256: sha(f) })),
      { concurrency: 2, fetch: counting, onProgress: (p) => reports.push(p) },
    );
    expect(results.map((r) => r.bytes)).toEqual(files.map((f) => f.length));
    for (const [i, f] of files.entries()) expect(readFileSync(join(root, `${i}.bin`)).equals(f)).toBe(true);
    expect(maxActive).toBeLessThanOrEqual(2);
    const last = reports.at(-1);
    expect(last?.received).toBe(files.reduce((n, f) => n + f.length, 0));
    expect(last?.files.done).toBe(5);
  });

  it('the first failure stops the rest and is thrown', async () => {
    const served = await startServer((req, res) => {
      if (req.url === '/1') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-length': '1000000' }).write(Buffer.alloc(1000));
    });
    cleanup.push(() => served.close());
    const root = dir();
    const error = await rejection(
      downloadMany(
        [0, 1, 2].map((i) => ({ source: `${served.url}/${i}`, path: join(root, `${i}.bin`) })),
        { concurrency: 3, fetch: transport() },
      ),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(existsSync(join(root, '0.bin'))).toBe(false);
  });

  it('reports each finished file as it lands, even when a later one fails, and knows the total from sizes', async () => {
    const files = [payload(5000, 1), payload(7000, 2)];
    const served = await startServer((req, res) => {
      const index = Number(req.url?.slice(1));
      if (index === 2) {
        setTimeout(() => res.writeHead(500).end('boom'), 30);
        return;
      }
      const body = files[index] as Buffer;
      res.writeHead(200, { 'content-length': String(body.length) }).end(body);
    });
    cleanup.push(() => served.close());
    const root = dir();
    const finished: [number, number, string][] = [];
    const totals: (number | undefined)[] = [];
    const error = await rejection(
      downloadMany(
        [0, 1, 2].map((i) => ({
          source: `${served.url}/${i}`,
          path: join(root, `${i}.bin`),
          size: [5000, 7000, 9000][i],
        })),
        {
          concurrency: 3,
          fetch: transport(),
          onProgress: (p) => totals.push(p.total),
          onFileDone: (result, index) => {
            finished.push([index, result.bytes, result.sha256]);
          },
        },
      ),
    );
    expect(error).toBeDefined();
    expect(finished.sort()).toEqual([
      [0, 5000, sha(files[0] as Buffer)],
      [1, 7000, sha(files[1] as Buffer)],
    ]);
    expect(totals[0]).toBe(21000);
  });
});
