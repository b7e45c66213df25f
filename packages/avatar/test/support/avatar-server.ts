import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { parseAllDocuments } from 'yaml';
import type { LocalS3 } from './s3.js';

/**
 * A scriptable stand-in for the Avatar API (node:http on 127.0.0.1, port 0), following the job
 * lifecycle of the research notes: jobs go `queued → created → pending → finished` one step per poll,
 * wait for their `depends_on`, fail with `error` (message in `exception`) or `parent_error`, and write
 * their results to the S3 server; storage access is granted with fresh key pairs per request.
 * Served under `/api` like the real deployment (nginx strips the prefix).
 */

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  contentType: string | undefined;
}

export interface RateLimitRule {
  method: string;
  path: RegExp;
  /** How many matching requests get a 429 (then the rule is spent). */
  times: number;
  /** `Retry-After` header value. */
  retryAfter: string;
}

export interface AvatarServerOptions {
  s3: LocalS3;
  /** The user's bucket (their id, as on the real deployment). */
  userId: string;
  apiKey?: string;
  user?: { username: string; password: string };
  rateLimits?: RateLimitRule[];
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

interface StoredJob {
  name: string;
  set_name: string;
  parameters_name: string;
  display_name: string;
  created_at: string;
  kind: 'standard' | 'privacy_metrics' | 'signal_metrics' | 'report' | 'advice';
  status: string;
  exception: string;
  done: boolean;
  progress: number | null;
  dependsOn: string[];
  results: Record<string, string[]>;
}

interface StoredSet {
  set_name: string;
  display_name: string;
  docs: { kind: string; metadata: { name: string }; spec: Record<string, unknown> }[];
}

export interface AvatarServer {
  url: string;
  requests: RecordedRequest[];
  jobs: Map<string, StoredJob>;
  sets: Map<string, StoredSet>;
  /** Makes every access token issued so far answer 401 `credentials expired`. */
  expireAccessTokens(): void;
  stop(): Promise<void>;
}

const PARAMETER_KINDS: Record<string, StoredJob['kind']> = {
  AvatarParameters: 'standard',
  AvatarSignalMetricsParameters: 'signal_metrics',
  AvatarPrivacyMetricsParameters: 'privacy_metrics',
  AvatarReportParameters: 'report',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

export async function startAvatarServer(options: AvatarServerOptions): Promise<AvatarServer> {
  const { s3, userId } = options;
  const uploadBase = `s3://${userId}/30d`;
  const requests: RecordedRequest[] = [];
  const jobs = new Map<string, StoredJob>();
  const sets = new Map<string, StoredSet>();
  const rateLimits = (options.rateLimits ?? []).map((r) => ({ ...r }));
  const accessTokens = new Map<string, boolean>(); // token → still valid
  const refreshTokens = new Set<string>();
  let tokenCounter = 0;
  let apiBase = '';

  const issueTokens = () => {
    const n = ++tokenCounter;
    const access = `at-${n}-${randomUUID()}`;
    const refresh = `rt-${n}-${randomUUID()}`;
    accessTokens.set(access, true);
    refreshTokens.add(refresh);
    return { access_token: access, refresh_token: refresh, token_type: 'bearer' };
  };

  const authenticate = (req: IncomingMessage) => {
    const header = req.headers.authorization;
    if (!header) throw new HttpError(401, { detail: 'Not authenticated' });
    const [scheme, value] = header.split(' ', 2);
    if (scheme === 'api-key-v1' && options.apiKey && value === options.apiKey) return;
    if (scheme === 'Bearer' && value && accessTokens.has(value)) {
      if (accessTokens.get(value)) return;
      throw new HttpError(401, { detail: { message: 'credentials expired' } });
    }
    throw new HttpError(401, { detail: 'Could not validate credentials' });
  };

  const grant = async (envelope: string) => {
    const inner = new URLSearchParams(envelope.slice(envelope.indexOf('?') + 1)).get('url') ?? '';
    if (!envelope.startsWith(`${apiBase}/access?url=`) || !inner.startsWith(`s3://${userId}/`))
      return undefined;
    return { url: envelope, credentials: await s3.issueCredentials() };
  };

  const readObject = async (location: string) => {
    const [bucket, ...key] = location.slice('s3://'.length).split('/');
    const object = await s3.admin.send(new GetObjectCommand({ Bucket: bucket, Key: key.join('/') }));
    return object.Body!.transformToString();
  };
  const writeObject = async (location: string, body: string | Uint8Array) => {
    const [bucket, ...key] = location.slice('s3://'.length).split('/');
    await s3.admin.send(new PutObjectCommand({ Bucket: bucket, Key: key.join('/'), Body: body }));
    return `${apiBase}/access?url=${location}`;
  };

  const volumeUrl = (set: StoredSet, name: string) => {
    const doc = set.docs.find((d) => d.kind === 'AvatarVolume' && d.metadata.name === name);
    if (!doc) throw new Error(`volume ${name} is not defined in the set`);
    return String(doc.spec.url);
  };

  /** Runs the job's computation when it reaches `finished`: writes results, or fails it. */
  const complete = async (job: StoredJob) => {
    const set = sets.get(job.set_name)!;
    const params = set.docs.find((d) => d.metadata.name === job.parameters_name)!;
    const results = params.spec.results as { volume: string; path: string };
    const out = `${volumeUrl(set, results.volume)}/${job.set_name}/${results.path}`;
    if (job.kind === 'standard') {
      const schema = set.docs.find(
        (d) => d.kind === 'AvatarSchema' && d.metadata.name === params.spec.schema,
      );
      const tables = (schema?.spec.tables ?? []) as {
        name: string;
        data: { volume: string; file: string };
      }[];
      const k = params.spec.avatarization as Record<string, { k: number }>;
      for (const table of tables) {
        let csv: string;
        try {
          csv = await readObject(`${volumeUrl(set, table.data.volume)}/${table.data.file}`);
        } catch {
          throw new Error(
            `Input file ${table.data.file} of table ${table.name} not found in volume ${table.data.volume}`,
          );
        }
        const [header, ...rows] = csv.trimEnd().split('\n');
        const kValue = k[table.name]?.k ?? 5;
        if (kValue >= rows.length) {
          throw new Error(
            `Parameter k=${kValue} for table ${table.name} must be lower than its number of rows (${rows.length})`,
          );
        }
        job.results.shuffled = [
          ...(job.results.shuffled ?? []),
          await writeObject(
            `${out}/${table.name}.shuffled-0.csv`,
            `${header}\n${rows.reverse().join('\n')}\n`,
          ),
        ];
      }
      job.results.run_metadata = [
        await writeObject(`${out}/run_metadata.avatarize.json`, JSON.stringify({ tables: tables.length })),
      ];
    } else if (job.kind === 'report') {
      job.results.report = [
        await writeObject(`${out}/report.pdf`, new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n')),
      ];
    } else {
      job.results[job.kind] = [
        await writeObject(`${out}/${job.kind}.json`, JSON.stringify({ kind: job.kind, score: 0.93 })),
      ];
    }
  };

  const dependencies = (job: StoredJob) => job.dependsOn.map((l) => jobs.get(l.replace(/^\/jobs\//, ''))!);
  /** A job failed, or waits on a job that (transitively) failed: it can never run. */
  const failedOrBlocked = (job: StoredJob): boolean =>
    ['error', 'parent_error', 'lost', 'orphaned'].includes(job.status) ||
    dependencies(job).some(failedOrBlocked);

  /** One step of the lifecycle, taken when the job is polled. */
  const advance = async (job: StoredJob) => {
    if (job.done) return;
    const deps = dependencies(job);
    const failedDep = deps.find(failedOrBlocked);
    if (failedDep) {
      Object.assign(job, {
        status: 'parent_error',
        exception: `Dependency job ${failedDep.name} failed`,
        done: true,
        progress: null,
      });
      return;
    }
    if (job.status === '') job.status = 'queued';
    else if (job.status === 'queued' && deps.every((d) => d.status === 'finished')) job.status = 'created';
    else if (job.status === 'created') Object.assign(job, { status: 'pending', progress: 0.5 });
    else if (job.status === 'pending') {
      try {
        await complete(job);
        Object.assign(job, { status: 'finished', progress: 1, done: true });
      } catch (error) {
        Object.assign(job, {
          status: 'error',
          exception: (error as Error).message,
          done: true,
          progress: null,
        });
      }
    }
  };

  const publicJob = (job: StoredJob) => {
    const { dependsOn: _d, results: _r, ...rest } = job;
    return rest;
  };

  const route = async (req: IncomingMessage, path: string, query: URLSearchParams, body: Buffer) => {
    const method = req.method ?? 'GET';
    const limit = rateLimits.find((r) => r.times > 0 && r.method === method && r.path.test(path));
    if (limit) {
      limit.times--;
      throw new HttpError(
        429,
        { detail: 'Too many requests', retry_after: Number(limit.retryAfter) },
        { 'Retry-After': limit.retryAfter },
      );
    }
    if (method === 'GET' && path === '/health') return { status: 'ok' };
    if (method === 'POST' && path === '/login') {
      const form = new URLSearchParams(body.toString());
      if (
        form.get('username') !== options.user?.username ||
        form.get('password') !== options.user?.password
      ) {
        throw new HttpError(401, { detail: 'Incorrect username or password' });
      }
      return issueTokens();
    }
    if (method === 'POST' && path === '/refresh') {
      const token = query.get('token') ?? '';
      if (!refreshTokens.delete(token)) throw new HttpError(401, { detail: 'Invalid refresh token' });
      return issueTokens();
    }
    authenticate(req);
    if (method === 'GET' && path === '/users/me') {
      return {
        id: userId,
        organization_id: '0b9e4a1c-7f2d-4c3a-9e85-1d6b2f4a7c90',
        email: 'claire.martin@example.com',
        role: 'user',
        environment: {
          dataset_expiration_days: 30,
          max_allowed_dimensions_per_dataset: 200,
          max_allowed_lines_per_dataset: 1_000_000,
        },
      };
    }
    if (method === 'GET' && path === '/upload_url') return uploadBase;
    if (method === 'GET' && path === '/access') {
      const access = await grant(query.get('url') ?? '');
      if (!access) throw new HttpError(403, { detail: 'Access to this file is not allowed' });
      return access;
    }
    if (method === 'POST' && path === '/access/batch') {
      const urls = JSON.parse(body.toString()) as string[];
      const granted = await Promise.all(urls.map(grant));
      return granted.filter((g) => g !== undefined);
    }
    if (method === 'GET' && path === '/resources/volume') {
      const purpose = query.get('purpose');
      const name = query.get('volume_name');
      if (!name || (purpose !== 'input' && purpose !== 'results')) throw new HttpError(422, { detail: [] });
      const url = purpose === 'input' ? uploadBase : `${uploadBase}/results`;
      return { text: `kind: AvatarVolume\nmetadata:\n  name: ${name}\nspec:\n  url: ${url}\n` };
    }
    if (method === 'PUT' && /^\/resources\/([^/]+)$/.test(path)) {
      const m = /^\/resources\/([^/]+)$/.exec(path)!;
      if (!/yaml/.test(req.headers['content-type'] ?? ''))
        throw new HttpError(415, { detail: 'Expected YAML' });
      const docs = parseAllDocuments(body.toString());
      if (!Array.isArray(docs) || docs.some((d) => d.errors.length)) {
        throw new HttpError(400, { detail: 'Invalid YAML' });
      }
      const set: StoredSet = {
        set_name: randomUUID(),
        display_name: decodeURIComponent(m[1]!),
        docs: docs.map((d) => d.toJS()),
      };
      sets.set(set.set_name, set);
      return { set_name: set.set_name, display_name: set.display_name };
    }
    if (method === 'POST' && path === '/jobs') {
      const request = JSON.parse(body.toString()) as {
        set_name: string;
        parameters_name: string;
        depends_on?: string[];
      };
      const set = sets.get(request.set_name);
      if (!set) throw new HttpError(404, { detail: `Resource set ${request.set_name} not found` });
      const params = set.docs.find((d) => d.metadata.name === request.parameters_name);
      const kind = params && PARAMETER_KINDS[params.kind];
      if (!kind) {
        throw new HttpError(422, {
          detail: [
            {
              loc: ['body', 'parameters_name'],
              msg: `No parameters named ${request.parameters_name}`,
              type: 'value_error',
            },
          ],
        });
      }
      for (const dep of request.depends_on ?? []) {
        if (!jobs.has(dep.replace(/^\/jobs\//, '')))
          throw new HttpError(404, { detail: `Job ${dep} not found` });
      }
      const name = randomUUID();
      jobs.set(name, {
        name,
        set_name: set.set_name,
        parameters_name: request.parameters_name,
        display_name: set.display_name,
        created_at: new Date().toISOString(),
        kind,
        status: '',
        exception: '',
        done: false,
        progress: null,
        dependsOn: request.depends_on ?? [],
        results: {},
      });
      return {
        status: 201,
        headers: { Location: `/jobs/${name}` },
        json: { name, Location: `/jobs/${name}` },
      };
    }
    if (method === 'GET' && /^\/jobs\/([^/]+)$/.test(path)) {
      const m = /^\/jobs\/([^/]+)$/.exec(path)!;
      const job = jobs.get(m[1]!);
      if (!job) throw new HttpError(404, { detail: `Job ${m[1]} not found` });
      await advance(job);
      return publicJob(job);
    }
    if (method === 'GET' && /^\/results\/([^/]+)$/.test(path)) {
      const m = /^\/results\/([^/]+)$/.exec(path)!;
      const job = jobs.get(m[1]!);
      if (!job) throw new HttpError(404, { detail: `Job ${m[1]} not found` });
      if (job.status !== 'finished')
        throw new HttpError(404, { detail: `No results for job ${job.name} yet` });
      return job.results;
    }
    throw new HttpError(404, { detail: 'Not Found' });
  };

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const isText = body !== null && typeof body === 'object' && 'text' in body;
      res.writeHead(status, {
        'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
        ...headers,
      });
      res.end(isText ? (body as { text: string }).text : JSON.stringify(body));
    };
    if (!url.pathname.startsWith('/api/') && url.pathname !== '/api') {
      send(404, { detail: 'Not Found' });
      return;
    }
    const path = url.pathname.slice('/api'.length) || '/';
    requests.push({
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
    });
    try {
      const result = await route(req, path, url.searchParams, Buffer.concat(chunks));
      if (result && typeof result === 'object' && 'status' in result && 'json' in result) {
        const r = result as { status: number; headers: Record<string, string>; json: unknown };
        send(r.status, r.json, r.headers);
      } else send(200, result);
    } catch (error) {
      if (error instanceof HttpError) send(error.status, error.body, error.headers);
      else send(500, { detail: String(error) });
    }
  };
  const server = options.tls ? createHttpsServer(options.tls, handler) : createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  apiBase = `${url}/api`;
  return {
    url,
    requests,
    jobs,
    sets,
    expireAccessTokens() {
      for (const token of accessTokens.keys()) accessTokens.set(token, false);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
