// One download in a fresh plain-JS process (no TypeScript loader in its RSS):
// `node download-run.mjs <variant> <url> <path> <sha256>`; reports { ms, bytes, maxRss } over IPC.
import { createWriteStream, statSync } from 'node:fs';
import { download } from '@sdkforge/runtime/node';
import { Agent, stream } from 'undici';

const [variant, url, path, sha256] = process.argv.slice(2);
const start = performance.now();
if (variant === 'idle') {
  process.send?.({ ms: 0, bytes: 0, maxRss: process.resourceUsage().maxRSS * 1024 });
  process.exit(0);
}
if (variant === 'undici.stream') {
  const dispatcher = new Agent();
  await stream(url, { dispatcher, method: 'GET' }, () => createWriteStream(path));
  await dispatcher.close();
} else {
  let progressed = 0;
  const result = await download(url, {
    path,
    sha256: sha256 || undefined,
    onProgress: (p) => {
      progressed = p.received;
    },
  });
  if (progressed !== result.bytes) throw new Error('the last progress report is not the size');
}
const ms = performance.now() - start;
process.send?.({ ms, bytes: statSync(path).size, maxRss: process.resourceUsage().maxRSS * 1024 });
