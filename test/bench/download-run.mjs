// One download in a fresh plain-JS process (no TypeScript loader in its RSS):
// `node download-run.mjs <variant> <url> <path> <sha256>`; reports { ms, bytes, maxRss, maxArrayBuffers } over
// IPC. maxArrayBuffers is sampled every 25 ms: the socket reads V8 has not collected yet.
import { createWriteStream, statSync } from 'node:fs';
import { get } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { download } from '@sdkforge/runtime/node';
import { Agent, stream } from 'undici';

const [variant, url, path, sha256] = process.argv.slice(2);
let maxArrayBuffers = 0;
const sampler = setInterval(() => {
  maxArrayBuffers = Math.max(maxArrayBuffers, process.memoryUsage().arrayBuffers);
}, 25);
const report = (ms, bytes) => {
  clearInterval(sampler);
  process.send?.({ ms, bytes, maxRss: process.resourceUsage().maxRSS * 1024, maxArrayBuffers });
};
const start = performance.now();
if (variant === 'idle') {
  report(0, 0);
  process.exit(0);
}
if (variant === 'undici.stream') {
  const dispatcher = new Agent();
  await stream(url, { dispatcher, method: 'GET' }, () => createWriteStream(path));
  await dispatcher.close();
} else if (variant === 'node:http') {
  await new Promise((resolve, reject) => {
    get(url, (res) => pipeline(res, createWriteStream(path)).then(resolve, reject)).on('error', reject);
  });
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
report(performance.now() - start, statSync(path).size);
