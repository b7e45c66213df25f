import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadMany } from '../src/node/download-many.js';
import { nodeTransport } from '../src/node/transport.js';
import { startServer } from './server.js';

// Counts the connection pools downloadMany opens (the real transport underneath).
vi.mock('../src/node/transport.js', async (actual) => {
  const real = await actual<typeof import('../src/node/transport.js')>();
  return { ...real, nodeTransport: vi.fn(real.nodeTransport) };
});

const opened = vi.mocked(nodeTransport);
afterEach(() => opened.mockClear());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const dir = () => mkdtempSync(join(tmpdir(), 'sdkforge-dlm-'));

describe('downloadMany and its connection pool', () => {
  it('opens no pool of its own when every source is a callback', async () => {
    const files = [Buffer.from('first file'), Buffer.from('second file, longer')];
    const root = dir();
    const results = await downloadMany(
      files.map((data, i) => ({
        source: async () => new Response(data, { headers: { 'content-length': String(data.length) } }),
        path: join(root, `${i}.bin`),
        sha256: sha(data),
      })),
    );
    expect(results.map((r) => r.bytes)).toEqual(files.map((f) => f.length));
    expect(readFileSync(join(root, '1.bin')).equals(files[1] as Buffer)).toBe(true);
    // Before the fix: one undici Agent opened (and closed) for nothing.
    expect(opened).not.toHaveBeenCalled();
  });

  it('opens one shared pool when some source is a URL', async () => {
    const data = Buffer.from('served over http');
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': String(data.length) }).end(data);
    });
    try {
      const root = dir();
      await downloadMany([
        { source: `${server.url}/a`, path: join(root, 'a'), sha256: sha(data) },
        { source: async () => new Response(data), path: join(root, 'b') },
        { source: `${server.url}/c`, path: join(root, 'c') },
      ]);
      expect(opened).toHaveBeenCalledTimes(1);
      expect(readFileSync(join(root, 'c')).equals(data)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
