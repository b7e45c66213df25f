/**
 * Download a whole model (every block, the tokenizer and the metadata) with a progress bar, then run the
 * same call again: finished files are kept. Against a real server set TIKTRUE_BASE_URL, TIKTRUE_EMAIL,
 * TIKTRUE_PASSWORD and optionally TIKTRUE_MODEL_DIR.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ModelDownloadProgress, TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient({ baseUrl: process.env.TIKTRUE_BASE_URL }); // else BACKEND_URL
await client.login({
  email: process.env.TIKTRUE_EMAIL ?? 'sara.ahmadi@example.com',
  password: process.env.TIKTRUE_PASSWORD ?? 'Zagros-1404-Sky',
});

const { available_models: models } = await client.models.available();
const model = models[0];
if (!model) throw new Error('no model available to this account');
const dir = process.env.TIKTRUE_MODEL_DIR ?? join(await mkdtemp(join(tmpdir(), 'tiktrue-')), model.name);
console.log(`→ client.models.download('${model.id}', '${dir}', { concurrency: 4, onProgress })`);

const mb = (n: number) => (n / 1e6).toFixed(n < 1e7 ? 3 : 1);
let lastLine = '';
function bar({ received, total, files, rate }: ModelDownloadProgress): void {
  const ratio = total ? Math.min(1, received / total) : 0;
  const filled = Math.round(ratio * 30);
  const speed = rate ? ` ${mb(rate)} MB/s` : '';
  const line = `  [${'█'.repeat(filled)}${'░'.repeat(30 - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%  ${mb(received)}/${mb(total)} MB  ${files.done}/${files.total} files${speed}`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
  else if (files.done === files.total && line !== lastLine) console.log(line);
  lastLine = line;
}

const first = await client.models.download(model.id, dir, { concurrency: 4, onProgress: bar });
if (process.stdout.isTTY) process.stdout.write('\n');
const fetched = first.files.filter((f) => f.status === 'downloaded');
console.log(`  ${fetched.length} files downloaded, server told: ${first.completion?.download_completed}`);
for (const f of first.files.slice(0, 2))
  console.log(`  ${f.name.padEnd(32)} ${String(f.size).padStart(10)} B  sha256 ${f.sha256.slice(0, 16)}…`);
console.log(`  … and ${first.files.length - 2} more; all recorded in ${join(dir, 'manifest.json')}`);

const again = await client.models.download(model.id, dir);
console.log(
  `→ the same call again: ${again.files.filter((f) => f.status === 'kept').length} files kept, no request made: ${again.completion === undefined}`,
);
const local = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { complete: boolean };
console.log(`  manifest.json complete: ${local.complete}`);
await client.close();
