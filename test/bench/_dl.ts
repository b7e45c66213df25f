import { fork } from 'node:child_process';
import { once } from 'node:events';
import { startBenchServer } from '/work/main/test/bench/measure.ts';

const mb = Number(process.argv[2] ?? 256);
const server = await startBenchServer({ BENCH_BIG_BYTES: String(mb * 1024 * 1024) });
for (let r = 0; r < 2; r++)
  for (const variant of ['undici.stream', 'download()']) {
    const child = fork(
      '/work/main/test/bench/download-run.mjs',
      [variant, `${server.url}/big`, `/tmp/mb/x.bin`, ''],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    const [res] = (await once(child, 'message')) as [{ ms: number; maxRss: number }];
    console.log(
      mb,
      variant,
      Math.round(res.maxRss / 1e6),
      'MB',
      Math.round(res.ms),
      'ms',
      Math.round((mb * 1000) / res.ms),
      'MB/s',
    );
    await once(child, 'exit');
  }
server.stop();
