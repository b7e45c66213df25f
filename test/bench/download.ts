/**
 * 3. A large download to disk (default 1 GiB; BENCH_DOWNLOAD_MB to change): our `download()` with progress
 * and SHA-256 verification against `undici.stream` → `fs.createWriteStream`, each run in a fresh process
 * to read its peak RSS. The server runs in its own process.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, median, type Row, startBenchServer } from './measure.ts';

function expectedSha(size: number): string {
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = (i * 131) & 0xff;
  const hash = createHash('sha256');
  for (let offset = 0; offset < size; offset += block.length)
    hash.update(block.subarray(0, Math.min(block.length, size - offset)));
  return hash.digest('hex');
}

/** Bytes per second SHA-256 manages here on 256 MiB already in memory (the checksum's own ceiling). */
function hashRate(): number {
  const block = Buffer.alloc(1024 * 1024, 7);
  const hash = createHash('sha256');
  const start = performance.now();
  for (let i = 0; i < 256; i++) hash.update(block);
  hash.digest();
  return (256 * 1024 * 1024 * 1000) / (performance.now() - start);
}

async function runOnce(variant: string, url: string, path: string, sha: string) {
  const child = fork(new URL('./download-run.mjs', import.meta.url), [variant, url, path, sha], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [result] = (await once(child, 'message')) as [{ ms: number; bytes: number; maxRss: number }];
  await once(child, 'exit');
  rmSync(path, { force: true });
  return result;
}

export async function bigDownload(rounds = 5): Promise<Row[]> {
  const size = Number(process.env.BENCH_DOWNLOAD_MB ?? 1024) * 1024 * 1024;
  const server = await startBenchServer({ BENCH_BIG_BYTES: String(size) });
  const dir = mkdtempSync(join(tmpdir(), 'sdkforge-bench-'));
  const sha = expectedSha(size);
  const samples: Record<string, { mbps: number[]; rss: number[] }> = {
    'undici.stream': { mbps: [], rss: [] },
    'download()': { mbps: [], rss: [] },
  };
  try {
    for (let r = 0; r < rounds; r++) {
      for (const variant of Object.keys(samples)) {
        const result = await runOnce(variant, `${server.url}/big`, join(dir, `${r}-${variant}.bin`), sha);
        if (result.bytes !== size) throw new Error(`${variant} wrote ${result.bytes} of ${size} bytes`);
        samples[variant]?.mbps.push((result.bytes * 1000) / result.ms);
        samples[variant]?.rss.push(result.maxRss);
      }
    }
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const idle = await runOnce('idle', '', join(tmpdir(), 'sdkforge-idle'), '');
  const ours = samples['download()'] as { mbps: number[]; rss: number[] };
  const base = samples['undici.stream'] as { mbps: number[]; rss: number[] };
  return [
    {
      benchmark: `3. ${fmt.mb(size)} download to disk, progress + SHA-256 on`,
      ours: `${fmt.mbps(median(ours.mbps))}, peak RSS ${fmt.mb(Math.max(...ours.rss))}`,
      baseline: `${fmt.mbps(median(base.mbps))}, peak RSS ${fmt.mb(Math.max(...base.rss))} undici.stream → file`,
      ratio: fmt.ratio(median(ours.mbps) / median(base.mbps)),
      target: '≥ 0.9×, RSS ≤ 100 MB',
    },
    {
      benchmark: '3b. context: SHA-256 alone on this CPU; RSS of an idle process with the same modules',
      ours: `${fmt.mbps(hashRate())} hashing`,
      baseline: `idle RSS ${fmt.mb(idle.maxRss)}`,
      ratio: '—',
      target: '—',
    },
  ];
}
