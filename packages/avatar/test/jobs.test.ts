import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  AbortError,
  AvatarClient,
  accessUrlFor,
  buildResourceSet,
  createJobChain,
  fileNameOf,
  type Job,
  JobFailedError,
  joinS3,
  parseS3Url,
  pollDelays,
  s3PathOf,
  waitForJobs,
} from '../src/index.js';

const job = (name: string, status: Job['status'], extra: Partial<Job> = {}): Job => ({
  name,
  set_name: '1f6e9b3c-8a24-4d7f-b5c0-3e91a7d2c846',
  parameters_name: 'standard',
  display_name: 'iris',
  created_at: '2026-08-12T09:15:41.230000Z',
  kind: 'standard',
  status,
  exception: '',
  done: ['finished', 'error', 'parent_error', 'lost', 'orphaned'].includes(status),
  progress: null,
  ...extra,
});

/** A client whose GET /jobs/{name} answers from per-job scripts, one state per poll. */
function scripted(scripts: Record<string, Job[]>) {
  const polls: string[] = [];
  const client = new AvatarClient({
    apiKey: 'k3y-0123456789',
    fetch: async (request) => {
      const name = decodeURIComponent(new URL(request.url).pathname.split('/').pop()!);
      polls.push(name);
      const states = scripts[name]!;
      const state = states.length > 1 ? states.shift()! : states[0]!;
      return new Response(JSON.stringify(state), { headers: { 'content-type': 'application/json' } });
    },
  });
  return { client, polls };
}

const FAST = { initialDelay: 0, maxDelay: 0 };

describe('pollDelays', () => {
  it('grows by the factor from the initial delay up to the cap (defaults as the Python client: 5 s → 20 s, ×1.2)', () => {
    const take = (it: Iterator<number>, n: number) =>
      Array.from({ length: n }, () => it.next().value as number);
    expect(take(pollDelays({ initialDelay: 100, maxDelay: 1000, factor: 2 }), 6)).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    const defaults = take(pollDelays(), 10);
    expect(defaults[0]).toBe(5000);
    expect(defaults[1]).toBeCloseTo(6000);
    expect(defaults.at(-1)).toBe(20_000);
    expect(() => pollDelays({ factor: 0.5 }).next()).toThrow(TypeError);
  });
});

describe('waitForJobs', () => {
  it('polls until every job is done and reports each state', async () => {
    const { client, polls } = scripted({
      a: [job('a', 'queued'), job('a', 'pending', { progress: 0.5 }), job('a', 'finished', { progress: 1 })],
      b: [job('b', 'queued'), job('b', 'queued'), job('b', 'created'), job('b', 'finished')],
    });
    const seen: string[] = [];
    const done = await waitForJobs(client, ['a', 'b'], {
      poll: FAST,
      onUpdate: (j) => seen.push(`${j.name}:${j.status}`),
    });
    expect(done.map((j) => `${j.name}:${j.status}`)).toEqual(['a:finished', 'b:finished']);
    expect(seen).toEqual([
      'a:queued',
      'b:queued',
      'a:pending',
      'b:queued',
      'a:finished',
      'b:created',
      'b:finished',
    ]);
    // A finished job is not polled again.
    expect(polls.filter((p) => p === 'a')).toHaveLength(3);
  });

  it('rejects with JobFailedError carrying the job and its error message', async () => {
    const { client } = scripted({
      a: [job('a', 'pending'), job('a', 'error', { exception: 'Parameter k=50 is too large' })],
    });
    const error = await waitForJobs(client, ['a'], { poll: FAST }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    const failed = error as JobFailedError;
    expect(failed.status).toBe('error');
    expect(failed.reason).toBe('Parameter k=50 is too large');
    expect(failed.job.name).toBe('a');
    expect(failed.message).toBe(
      'Job a (standard, parameters "standard") ended with status error: Parameter k=50 is too large',
    );
  });

  it.each(['parent_error', 'lost', 'orphaned'] as const)('treats %s as a failure', async (status) => {
    const { client } = scripted({ a: [job('a', status)] });
    await expect(waitForJobs(client, ['a'], { poll: FAST })).rejects.toMatchObject({ status });
  });

  it('stops waiting at once when aborted (AbortError)', async () => {
    const { client, polls } = scripted({ a: [job('a', 'pending')] });
    const controller = new AbortController();
    const waiting = waitForJobs(client, ['a'], {
      poll: { initialDelay: 60_000, maxDelay: 60_000 },
      onUpdate: () => queueMicrotask(() => controller.abort()),
      signal: controller.signal,
    });
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    expect(polls).toEqual(['a']);
  });
});

describe('createJobChain', () => {
  it('creates standard → signal → privacy → report with depends_on on the Location of their parents', async () => {
    const bodies: { parameters_name: string; depends_on: string[] }[] = [];
    const client = new AvatarClient({
      apiKey: 'k3y-0123456789',
      fetch: async (request) => {
        const body = (await request.json()) as { parameters_name: string; depends_on: string[] };
        bodies.push(body);
        const name = `job-${body.parameters_name}`;
        return new Response(JSON.stringify({ name, Location: `/jobs/${name}` }), {
          status: 201,
          headers: { 'content-type': 'application/json', Location: `/jobs/${name}` },
        });
      },
    });
    const chain = await createJobChain(client, '1f6e9b3c-8a24-4d7f-b5c0-3e91a7d2c846');
    expect([...chain.keys()]).toEqual(['standard', 'signal_metrics', 'privacy_metrics', 'report']);
    expect(bodies).toEqual([
      { set_name: '1f6e9b3c-8a24-4d7f-b5c0-3e91a7d2c846', parameters_name: 'standard', depends_on: [] },
      {
        set_name: '1f6e9b3c-8a24-4d7f-b5c0-3e91a7d2c846',
        parameters_name: 'signal_metrics',
        depends_on: ['/jobs/job-standard'],
      },
      {
        set_name: '1f6e9b3c-8a24-4d7f-b5c0-3e91a7d2c846',
        parameters_name: 'privacy_metrics',
        depends_on: ['/jobs/job-standard'],
      },
      {
        set_name: '1f6e9b3c-8a24-4d7f-b5c0-3e91a7d2c846',
        parameters_name: 'report',
        depends_on: ['/jobs/job-privacy_metrics', '/jobs/job-signal_metrics'],
      },
    ]);

    bodies.length = 0;
    await createJobChain(client, '1f6e9b3c-8a24-4d7f-b5c0-3e91a7d2c846', { kinds: ['privacy_metrics'] });
    expect(bodies.map((b) => [b.parameters_name, b.depends_on])).toEqual([['privacy_metrics', []]]);
    await expect(createJobChain(client, 'x', { kinds: ['advice'] })).rejects.toThrow(
      /not a job of the chain/,
    );
  });
});

describe('storage locations', () => {
  it('parses s3 paths and the /access?url= envelopes', () => {
    expect(parseS3Url('s3://5d0c2a8e/30d/set/standard/iris.csv')).toEqual({
      bucket: '5d0c2a8e',
      key: '30d/set/standard/iris.csv',
    });
    expect(() => parseS3Url('https://x/y')).toThrow(TypeError);
    expect(s3PathOf('https://www.octopize.app/api/access?url=s3://u/30d/iris.csv')).toBe(
      's3://u/30d/iris.csv',
    );
    expect(s3PathOf('s3://u/30d/a.csv')).toBe('s3://u/30d/a.csv');
    expect(() => s3PathOf('https://www.octopize.app/api/results/x')).toThrow(TypeError);
    expect(accessUrlFor('https://h/api/', 's3://u/30d/iris.csv')).toBe(
      'https://h/api/access?url=s3://u/30d/iris.csv',
    );
    expect(joinS3('s3://u/30d/', '/tables/iris.csv')).toBe('s3://u/30d/tables/iris.csv');
    expect(() => joinS3('s3://u/30d', '../other-user/x.csv')).toThrow(TypeError);
    expect(fileNameOf('s3://u/30d/report/report.pdf')).toBe('report.pdf');
  });
});

describe('buildResourceSet', () => {
  const input = 'kind: AvatarVolume\nmetadata:\n  name: input\nspec:\n  url: s3://u/30d\n';
  const results = 'kind: AvatarVolume\nmetadata:\n  name: results\nspec:\n  url: s3://u/30d/results\n';

  it('writes metadata, volumes, schemas and one parameters document per job kind', () => {
    const yaml = buildResourceSet({
      displayName: 'iris',
      inputVolume: input,
      resultsVolume: results,
      tables: [{ name: 'iris', file: 'iris.csv', k: 7 }],
      seed: 42,
    });
    const docs = parseAllDocuments(yaml) as { toJS(): Record<string, unknown>; errors: unknown[] }[];
    expect(docs.every((d) => d.errors.length === 0)).toBe(true);
    const js = docs.map(
      (d) => d.toJS() as { kind: string; metadata: { name: string }; spec: Record<string, unknown> },
    );
    expect(js.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'AvatarMetadata/avatar-metadata-iris',
      'AvatarVolume/input',
      'AvatarVolume/results',
      'AvatarSchema/iris',
      'AvatarSchema/iris_avatarized',
      'AvatarParameters/standard',
      'AvatarSignalMetricsParameters/signal_metrics',
      'AvatarPrivacyMetricsParameters/privacy_metrics',
      'AvatarReportParameters/report',
    ]);
    expect(js[3]!.spec).toEqual({ tables: [{ name: 'iris', data: { volume: 'input', file: 'iris.csv' } }] });
    expect(js[5]!.spec).toEqual({
      schema: 'iris',
      avatarization: { iris: { k: 7 } },
      results: { volume: 'results', path: 'standard' },
      seed: 42,
    });
    expect(js[7]!.spec).toMatchObject({ schema: 'iris_avatarized', avatarization_ref: 'standard' });
  });

  it('includes only the jobs asked for, and refuses inputs that cannot make a valid set', () => {
    const only = buildResourceSet({
      displayName: 'iris',
      inputVolume: input,
      resultsVolume: results,
      tables: [{ name: 'iris', file: 'iris.csv' }],
      jobs: ['standard'],
    });
    expect(only).not.toContain('Metrics');
    expect(only).toContain('k: 5');
    const base = { displayName: 'iris', inputVolume: input, resultsVolume: results };
    expect(() => buildResourceSet({ ...base, tables: [] })).toThrow(/at least one table/);
    expect(() =>
      buildResourceSet({
        ...base,
        inputVolume: 'kind: AvatarSchema\nmetadata: {}\n',
        tables: [{ name: 't', file: 'f' }],
      }),
    ).toThrow(/AvatarVolume/);
  });
});
