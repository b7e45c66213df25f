/**
 * The everyday job flow end to end: a real S3-compatible server (s3rver, checking SigV4) and a
 * scriptable local Avatar server that follows the job lifecycle. Nothing is mocked inside the SDK.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { inspect } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvatarClient, JobFailedError, RateLimitError, StorageError } from '../src/index.js';
import { AvatarStorage, Runner, type RunnerEvent } from '../src/node/index.js';
import { type AvatarServer, startAvatarServer } from './support/avatar-server.js';
import { type LocalS3, startLocalS3 } from './support/s3.js';

const USER_ID = '5d0c2a8e-3b1f-4c6a-9e27-8f14b6d3a9c2';
const API_KEY = 'q3Xn8Zb2R5vT0kLw9sHc4YpJ7eUa1DmG6fQoiNKx0Tz';
const IRIS = [
  'sepal.length,sepal.width,petal.length,petal.width,variety',
  ...Array.from(
    { length: 12 },
    (_, i) => `${(4.6 + i * 0.1).toFixed(1)},3.${i % 10},1.${i % 7},0.${(i % 5) + 1},Setosa`,
  ),
].join('\n');
const FAST_POLL = { initialDelay: 1, maxDelay: 5, factor: 2 };

let s3: LocalS3;
let api: AvatarServer;
let dir: string;
let irisPath: string;

beforeAll(async () => {
  s3 = await startLocalS3([USER_ID]);
  api = await startAvatarServer({ s3, userId: USER_ID, apiKey: API_KEY });
  dir = await mkdtemp(join(tmpdir(), 'avatar-e2e-'));
  irisPath = join(dir, 'iris.csv');
  await writeFile(irisPath, `${IRIS}\n`);
});

afterAll(async () => {
  await api?.stop();
  await s3?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const client = () => new AvatarClient({ baseUrl: api.url, apiKey: API_KEY, storageUrl: s3.endpoint });

async function objectText(key: string): Promise<string> {
  const object = await s3.admin.send(new GetObjectCommand({ Bucket: USER_ID, Key: key }));
  return object.Body!.transformToString();
}

describe('Runner: upload → resources → job chain → results', () => {
  it('runs the chain to the end and streams every result file to disk', async () => {
    const events: RunnerEvent[] = [];
    const runner = new Runner(client(), {
      displayName: 'iris',
      seed: 42,
      poll: FAST_POLL,
      onEvent: (e) => events.push(e),
    }).addTable('iris', irisPath, { k: 3 });

    const jobs = await runner.run();

    // The CSV went to the user's upload area on the S3 server, byte for byte.
    expect(await objectText('30d/iris.csv')).toBe(`${IRIS}\n`);
    // The set names the uploaded file and the volumes the API generated.
    const set = api.sets.get(runner.setName!)!;
    const schema = set.docs.find((d) => d.kind === 'AvatarSchema' && d.metadata.name === 'iris')!;
    expect(schema.spec.tables).toEqual([{ name: 'iris', data: { volume: 'input', file: 'iris.csv' } }]);
    expect(set.docs.filter((d) => d.kind === 'AvatarVolume').map((d) => d.spec.url)).toEqual([
      `s3://${USER_ID}/30d`,
      `s3://${USER_ID}/30d/results`,
    ]);

    // Chain order and dependencies as the server received them.
    const created = [...runner.jobs.entries()];
    expect(created.map(([kind]) => kind)).toEqual([
      'standard',
      'signal_metrics',
      'privacy_metrics',
      'report',
    ]);
    const stored = (kind: string) => api.jobs.get(runner.jobs.get(kind as never)!.name)!;
    const standardLocation = runner.jobs.get('standard')!.Location;
    expect(stored('standard').dependsOn).toEqual([]);
    expect(stored('signal_metrics').dependsOn).toEqual([standardLocation]);
    expect(stored('privacy_metrics').dependsOn).toEqual([standardLocation]);
    expect(stored('report').dependsOn).toEqual([
      runner.jobs.get('privacy_metrics')!.Location,
      runner.jobs.get('signal_metrics')!.Location,
    ]);

    expect([...jobs.values()].every((j) => j.status === 'finished' && j.done)).toBe(true);
    // Progress events walked the lifecycle.
    const standardStatuses = events
      .filter(
        (e): e is Extract<RunnerEvent, { type: 'job-status' }> =>
          e.type === 'job-status' && e.kind === 'standard',
      )
      .map((e) => e.job.status);
    expect([...new Set(standardStatuses)]).toEqual(['queued', 'created', 'pending', 'finished']);
    const uploads = events.filter((e) => e.type === 'upload');
    expect(uploads.at(-1)).toMatchObject({
      progress: { transferred: IRIS.length + 1, total: IRIS.length + 1 },
    });

    const out = join(dir, 'results');
    const files = await runner.downloadResults(out);
    expect(files.map((f) => f.path.slice(out.length + 1)).sort()).toEqual([
      'privacy_metrics/privacy_metrics/privacy_metrics.json',
      'report/report/report.pdf',
      'signal_metrics/signal_metrics/signal_metrics.json',
      'standard/run_metadata/run_metadata.avatarize.json',
      'standard/shuffled/iris.shuffled-0.csv',
    ]);
    const [header, ...rows] = IRIS.split('\n');
    expect(await readFile(join(out, 'standard/shuffled/iris.shuffled-0.csv'), 'utf8')).toBe(
      `${header}\n${rows.reverse().join('\n')}\n`,
    );
    expect((await readFile(join(out, 'report/report/report.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    expect(events.some((e) => e.type === 'download' && e.kind === 'report')).toBe(true);
  });

  it('a job that ends in `error` rejects with JobFailedError carrying the server message', async () => {
    const runner = new Runner(client(), { displayName: 'iris-too-few-rows', poll: FAST_POLL }).addTable(
      'iris',
      irisPath,
      { k: 50 },
    );
    const error = await runner.run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    const failed = error as JobFailedError;
    expect(failed.status).toBe('error');
    expect(failed.job.kind).toBe('standard');
    expect(failed.reason).toBe('Parameter k=50 for table iris must be lower than its number of rows (12)');
    expect(failed.message).toContain(failed.reason);
    // Its dependents end in parent_error on the next poll.
    const report = await client().jobs.getJobStatus(runner.jobs.get('report')!.name);
    expect(report.status).toBe('parent_error');
    expect(report.done).toBe(true);
  });

  it('the storage refuses credentials it did not issue (SigV4 is checked) → StorageError without secrets', async () => {
    const storage = new AvatarStorage(client(), { endpoint: s3.endpoint });
    const secret = 'not-the-secret-the-api-issued-0123456789';
    const error = await storage
      .download(
        {
          url: `${api.url}/api/access?url=s3://${USER_ID}/30d/iris.csv`,
          credentials: { access_key_id: 'AKFORGED0000000000', secret_access_key: secret },
        },
        join(dir, 'forged.csv'),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).status).toBe(403);
    expect((error as StorageError).location).toBe(`s3://${USER_ID}/30d/iris.csv`);
    expect(String((error as Error).message)).not.toContain(secret);
    expect(inspect(error, { depth: 10 })).not.toContain(secret);
  });
});

describe('rate limiting and sessions during the flow', () => {
  it('a 429 with Retry-After on a job poll is waited out and retried; the run completes', async () => {
    const limited = await startAvatarServer({
      s3,
      userId: USER_ID,
      apiKey: API_KEY,
      rateLimits: [{ method: 'GET', path: /^\/jobs\/[^/]+$/, times: 1, retryAfter: '1' }],
    });
    try {
      const c = new AvatarClient({ baseUrl: limited.url, apiKey: API_KEY, storageUrl: s3.endpoint });
      const runner = new Runner(c, { displayName: 'iris-limited', poll: FAST_POLL }).addTable(
        'iris',
        irisPath,
        {
          k: 3,
        },
      );
      const jobs = await runner.run({ jobs: ['standard'] });
      expect(jobs.get('standard')!.status).toBe('finished');
      const polls = limited.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/jobs/'));
      // The first poll was answered 429 and sent again; nothing else was lost.
      expect(polls[0]!.path).toBe(polls[1]!.path);
      expect(polls.length).toBeGreaterThanOrEqual(5);
    } finally {
      await limited.stop();
    }
  });

  it('with retries off, the 429 surfaces as RateLimitError carrying the Retry-After the server sent', async () => {
    const limited = await startAvatarServer({
      s3,
      userId: USER_ID,
      apiKey: API_KEY,
      rateLimits: [{ method: 'GET', path: /^\/users\/me$/, times: 1, retryAfter: '7' }],
    });
    try {
      const c = new AvatarClient({ baseUrl: limited.url, apiKey: API_KEY });
      const error = await c.users.getMe({ retry: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfter).toBe(7);
      expect((error as RateLimitError).message).toContain('Too many requests');
      expect(limited.requests.filter((r) => r.path === '/users/me')).toHaveLength(1);
    } finally {
      await limited.stop();
    }
  });

  it('a password session whose token expires mid-run is refreshed once and the run completes', async () => {
    const server = await startAvatarServer({
      s3,
      userId: USER_ID,
      user: { username: 'claire.martin@example.com', password: 'c0rrect-h0rse-battery' },
    });
    try {
      const c = new AvatarClient({ baseUrl: server.url, storageUrl: s3.endpoint });
      await c.authenticate('claire.martin@example.com', 'c0rrect-h0rse-battery');
      let expired = false;
      const runner = new Runner(c, {
        displayName: 'iris-session',
        poll: FAST_POLL,
        onEvent: (e) => {
          if (e.type === 'job-created' && !expired) {
            expired = true;
            server.expireAccessTokens();
          }
        },
      }).addTable('iris', irisPath, { k: 3 });
      const jobs = await runner.run({ jobs: ['standard', 'privacy_metrics'] });
      expect([...jobs.values()].map((j) => j.status)).toEqual(['finished', 'finished']);
      expect(server.requests.filter((r) => r.path === '/refresh')).toHaveLength(1);
      expect(server.requests.filter((r) => r.path === '/login')).toHaveLength(1);
      const bearer = new Set(server.requests.map((r) => r.authorization).filter(Boolean));
      expect(bearer.size).toBe(2);
    } finally {
      await server.stop();
    }
  });
});

describe('memory stays flat', () => {
  it('moves a 96 MiB file up and down while the process grows by far less than its size', {
    timeout: 60_000,
  }, async () => {
    const write = async (path: string, mib: number) => {
      const chunk = Buffer.alloc(1024 * 1024, 'x');
      await writeFile(path, '');
      for (let i = 0; i < mib; i++) await appendFile(path, chunk);
    };
    const sha = async (p: string) => {
      const h = createHash('sha256');
      for await (const c of createReadStream(p)) h.update(c as Buffer);
      return h.digest('hex');
    };
    const storage = new AvatarStorage(client(), { endpoint: s3.endpoint, queueSize: 2 });
    const roundTrip = async (name: string) => {
      await storage.upload(join(dir, name), `big/${name}`);
      await storage.download(`s3://${USER_ID}/30d/big/${name}`, join(dir, `${name}.copy`));
    };
    // Warm up (first use of the S3 client, TLS-less sockets, JIT) on a small file.
    await write(join(dir, 'warm.csv'), 32);
    await roundTrip('warm.csv');

    const size = 96 * 1024 * 1024;
    await write(join(dir, 'big.csv'), size / (1024 * 1024));
    // Live memory (heap + buffers) after a full collection, 4 times a second: what the transfer holds, not
    // garbage. Buffering the file would hold ~96 MiB for seconds; streaming holds a few parts.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const live = () => {
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const base = live();
    let peak = base;
    const sampler = setInterval(() => {
      peak = Math.max(peak, live());
    }, 250);
    try {
      await roundTrip('big.csv');
    } finally {
      clearInterval(sampler);
    }
    expect(await sha(join(dir, 'big.csv.copy'))).toBe(await sha(join(dir, 'big.csv')));
    console.log(
      `[memory] 96 MiB up + down: live memory grew by at most ${((peak - base) / 2 ** 20).toFixed(1)} MiB`,
    );
    // The upload holds a few parts (5 MiB each: `queueSize` in flight, one being filled, one being joined,
    // socket buffers; 15–35 MiB measured), whatever the file size; the download streams chunk by chunk
    // (under 1 MiB). Buffering the file would hold all 96 MiB.
    expect(peak - base).toBeLessThan(size / 2);
  });
});

describe('bad input fails before anything is sent', () => {
  it('a missing file or a key escaping the upload area is refused without calling the API', async () => {
    const before = api.requests.length;
    const storage = new AvatarStorage(client(), { endpoint: s3.endpoint });
    await expect(storage.upload(join(dir, 'missing.csv'), 'missing.csv')).rejects.toMatchObject({
      code: 'ENOENT',
    });
    await expect(storage.upload(irisPath, '../other-user/iris.csv')).rejects.toThrow(/invalid storage key/);
    expect(() => new Runner(client(), { displayName: 'x' }).addTable('iris', irisPath, { k: 0 })).toThrow(
      /positive integer/,
    );
    expect(api.requests.length).toBe(before);
  });
});

describe('upload sources', () => {
  it('takes bytes, a Blob, a web ReadableStream and a Node stream, and stores each one whole', async () => {
    const storage = new AvatarStorage(client(), { endpoint: s3.endpoint });
    const text = (n: number) => `id,value\n${n},${'x'.repeat(n)}\n`;
    const sources = [
      new TextEncoder().encode(text(1)),
      new Blob([text(2)]),
      new Blob([text(3)]).stream(),
      Readable.from([Buffer.from(text(4))]),
    ];
    for (const [i, source] of sources.entries()) {
      const uploaded = await storage.upload(source, `sources/${i}.csv`);
      const target = join(dir, 'sources', `${i}.csv`);
      await storage.download(uploaded.location, target);
      expect(await readFile(target, 'utf8')).toBe(text(i + 1));
    }
  });
});

describe('downloads resume', () => {
  it('a .part left by an interrupted download is continued with a range request, byte-identical', async () => {
    const content = Array.from({ length: 4000 }, (_, i) => `${i},${(i * 7) % 13}`).join('\n');
    const storage = new AvatarStorage(client(), { endpoint: s3.endpoint });
    const uploaded = await storage.upload(new TextEncoder().encode(content), 'resume/data.csv');
    const target = join(dir, 'resumed.csv');
    // The first half arrived before the connection dropped.
    await writeFile(`${target}.part`, content.slice(0, 10_000));
    const expected = createHash('sha256').update(content).digest('hex');
    const file = await storage.download(uploaded.location, target, { sha256: expected });
    expect(await readFile(target, 'utf8')).toBe(content);
    expect(file.sha256).toBe(expected);
    expect(file.size).toBe(content.length);
    expect(file.resumedFrom).toBe(10_000);
  });
});
