import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { download, downloadMany } from '@sdkforge/runtime/node';
import { describe, expect } from 'vitest';
import { ops, scenario } from '../harness.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const blob = (size: number, seed: number) => {
  const data = Buffer.alloc(size);
  for (let i = 0; i < size; i++) data[i] = (i * 131 + seed) & 0xff;
  return data;
};

export function downloadScenarios(): void {
  describe('downloads', () => {
    scenario(
      'truncated twice mid-download: resumed with Range, byte-identical, right SHA-256',
      async (ctx) => {
        const data = blob(3 * 1024 * 1024, 1);
        ctx.server.file('/files/model.onnx', data, {
          ranges: true,
          faults: [
            { kind: 'truncate', after: 1024 * 1024 },
            { kind: 'reset-mid-body', after: 512 * 1024 },
          ],
        });
        const client = ctx.sdk();
        const path = join(mkdtempSync(join(tmpdir(), 'reliability-')), 'model.onnx');
        const result = await ctx.expectDelivered(
          download(
            ({ headers, signal }) =>
              client.api.request<Response>(
                ops.download,
                { path: { name: 'model.onnx' }, headers },
                { signal },
              ),
            { path, sha256: sha256(data) },
          ),
        );
        expect(readFileSync(path).equals(data)).toBe(true);
        expect(result.sha256).toBe(sha256(data));
        const ranged = ctx.server.seen('GET', '/files/model.onnx').filter((r) => r.headers.range);
        expect(ranged.length).toBeGreaterThanOrEqual(1);
        for (const r of ranged) expect(r.headers['if-range']).toMatch(/^"/);
      },
    );

    scenario('a server without ranges: the download restarts and still ends byte-identical', async (ctx) => {
      const data = blob(2 * 1024 * 1024, 2);
      ctx.server.file('/files/plain.bin', data, {
        ranges: false,
        faults: [{ kind: 'reset-mid-body', after: 700_000 }],
      });
      const path = join(mkdtempSync(join(tmpdir(), 'reliability-')), 'plain.bin');
      await ctx.expectDelivered(
        download(`${ctx.server.url}/files/plain.bin`, { path, sha256: sha256(data) }),
      );
      expect(readFileSync(path).equals(data)).toBe(true);
      expect(ctx.server.seen('GET', '/files/plain.bin').every((r) => !r.headers.range)).toBe(true);
    });

    scenario('several files, bounded concurrency, faults on some: every file exact', async (ctx) => {
      const files = [0, 1, 2, 3].map((i) => blob(600_000 + i * 1000, 10 + i));
      files.forEach((data, i) => {
        ctx.server.file(`/files/f${i}`, data, {
          ranges: i % 2 === 0,
          faults: i === 1 || i === 2 ? [{ kind: 'truncate', after: 100_000 }] : [],
        });
      });
      const root = mkdtempSync(join(tmpdir(), 'reliability-'));
      const results = await ctx.expectDelivered(
        downloadMany(
          files.map((data, i) => ({
            source: `${ctx.server.url}/files/f${i}`,
            path: join(root, `f${i}`),
            sha256: sha256(data),
          })),
          { concurrency: 2 },
        ),
      );
      expect(results.map((r) => r.bytes)).toEqual(files.map((f) => f.length));
      for (const [i, data] of files.entries())
        expect(readFileSync(join(root, `f${i}`)).equals(data)).toBe(true);
    });
  });
}
