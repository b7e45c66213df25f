/**
 * A scriptable stand-in for the real TikTrue backend (Django + DRF + SimpleJWT, research/tiktrue.md),
 * on 127.0.0.1 and a free port. It behaves as the research note records:
 *
 * - every route ends with `/`; a path without it gets 301 to the slashed path (empty text/html body);
 * - HS256 JWTs with `token_type`, `exp`, `iat`, `jti`, `user_id`; a stale or bad token gives 401
 *   `token_not_valid` (also on the anonymous DRF routes, as on the real server);
 * - refresh rotates the refresh token and old refresh tokens keep working (no blacklist);
 * - the two-step download: a one-hour token with RELATIVE urls, a JSON manifest, bytes per block,
 *   410 once a token has expired, 404 once it has been completed; no Range support;
 * - logout with a `refresh_token` answers 400; license info is 404 until the first validation.
 *
 * The test scripts faults through methods (`invalidateAccessTokens`, `expireDownloadTokens`,
 * `killBlockOnce`) and reads what happened from `counts` and `log`.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface ScriptedServerOptions {
  /** Lifetime of access tokens in seconds. @default 86400 (the server's 24 h) */
  accessTtl?: number;
  /** Number of blocks of the Llama model. @default 33 */
  blocks?: number;
  /** Size in bytes of the first block; later blocks grow by 97 bytes each. @default 6000 */
  blockSize?: number;
  /**
   * Server bug (a) of the research note: the block route ignores the block number and answers the model
   * metadata as `application/json` under the `block_N.onnx` name. @default false
   */
  blockServesMetadata?: boolean;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  authorization: boolean;
}

interface User {
  id: string;
  email: string;
  username: string;
  password: string;
  fingerprint: string | null;
  licensed: boolean;
  usage: number;
}

interface DownloadToken {
  token: string;
  userId: string;
  modelId: string;
  expired: boolean;
  completed: boolean;
}

const SECRET = randomBytes(32);
const ACCESS = {
  allowed: true,
  reason: 'access_granted',
  subscription_plan: 'enterprise',
  features: ['basic_inference', 'advanced_inference', 'custom_models', 'priority_support'],
  limits: { daily_downloads: -1, concurrent_downloads: 10, remaining_daily: -1, current_concurrent: 0 },
};
const FINGERPRINT = /^[0-9a-fA-F]{64}$/;

export const LLAMA_ID = '4d0aad5c-4e52-4c13-8a48-75fd030da0f0';
export const MISTRAL_ID = '6ee3aa72-1d60-49f6-a282-6474bb5a9eca';
export const USER = { email: 'sara.ahmadi@example.com', password: 'Zagros-1404-Sky' } as const;

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Deterministic bytes of one block (what the server would decrypt and serve). */
export function blockBytes(blockId: number, size: number): Buffer {
  const out = Buffer.alloc(size);
  let seed = createHash('sha256').update(`block-${blockId}`).digest();
  for (let at = 0; at < size; at += seed.length) {
    seed.copy(out, at, 0, Math.min(seed.length, size - at));
    seed = createHash('sha256').update(seed).digest();
  }
  return out;
}

export class ScriptedServer {
  readonly counts = new Map<string, number>();
  readonly log: LoggedRequest[] = [];
  url = '';
  readonly #server: Server;
  readonly #users = new Map<string, User>();
  readonly #tokens = new Map<string, DownloadToken>();
  readonly #files = new Map<string, Buffer>();
  readonly #blockCount: number;
  /** `jti` of every access token issued, and of those no longer accepted. */
  readonly #issued = new Set<string>();
  readonly #revoked = new Set<string>();
  #kills: { blockId: number; afterBytes: number }[] = [];
  #expireAfterBlocks: number | undefined;
  #accessTtlNow: number;
  readonly #blockServesMetadata: boolean;

  constructor(options: ScriptedServerOptions = {}) {
    this.#accessTtlNow = options.accessTtl ?? 86_400;
    this.#blockServesMetadata = options.blockServesMetadata ?? false;
    this.#blockCount = options.blocks ?? 33;
    const size = options.blockSize ?? 6000;
    for (let i = 1; i <= this.#blockCount; i++)
      this.#files.set(`block_${i}`, blockBytes(i, size + (i - 1) * 97));
    this.#files.set('tokenizer', blockBytes(0, 4321));
    this.#files.set(
      'metadata',
      Buffer.from(
        JSON.stringify({ model_id: 'llama3_1_8b_fp16', model_type: 'llama', total_blocks: this.#blockCount }),
      ),
    );
    this.#addUser(USER.email, 'sara_ahmadi', USER.password);
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/html' });
        res.end(`<h1>Server Error (500)</h1><!-- ${String(error)} -->`);
      });
    });
  }

  async start(): Promise<this> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    const { port } = this.#server.address() as { port: number };
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    this.#server.close();
    await once(this.#server, 'close');
  }

  /** SHA-256 of every file the server serves for the Llama model, by local file name. */
  expectedFiles(): Map<string, { size: number; sha256: string }> {
    const out = new Map<string, { size: number; sha256: string }>();
    for (const [key, bytes] of this.#files) {
      const name =
        key === 'tokenizer'
          ? 'llama3_1_8b_fp16_tokenizer.zip'
          : key === 'metadata'
            ? 'llama3_1_8b_fp16_metadata.json'
            : `${key}.onnx`;
      out.set(name, { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    return out;
  }

  /** Every access token issued so far stops working (401 token_not_valid), as after expiry. */
  invalidateAccessTokens(): void {
    for (const jti of this.#issued) this.#revoked.add(jti);
  }

  /** Lifetime in seconds of the access tokens issued from now on. */
  setAccessTtl(seconds: number): void {
    this.#accessTtlNow = seconds;
  }

  /** Once `n` more block bodies have been served, every download token expires (as after one hour). */
  expireDownloadTokensAfterBlocks(n: number): void {
    this.#expireAfterBlocks = this.count('block') + n;
  }

  /** Every download token issued so far is more than an hour old (410 on every GET). */
  expireDownloadTokens(): void {
    for (const t of this.#tokens.values()) t.expired = true;
  }

  /** The next GET of this block sends `afterBytes` bytes of the body, then drops the connection. */
  killBlockOnce(blockId: number, afterBytes: number): void {
    this.#kills.push({ blockId, afterBytes });
  }

  count(route: string): number {
    return this.counts.get(route) ?? 0;
  }

  // ---------------------------------------------------------------------------------------------

  #addUser(email: string, username: string, password: string): User {
    const user: User = {
      id: randomUUID(),
      email,
      username,
      password,
      fingerprint: null,
      licensed: false,
      usage: 0,
    };
    this.#users.set(email, user);
    return user;
  }

  #jwt(type: 'access' | 'refresh', userId: string): string {
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + (type === 'access' ? this.#accessTtlNow : 30 * 86_400);
    const jti = randomBytes(16).toString('hex');
    if (type === 'access') this.#issued.add(jti);
    const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = b64url(JSON.stringify({ token_type: type, exp, iat, jti, user_id: userId }));
    const sig = createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url');
    return `${head}.${body}.${sig}`;
  }

  /** The claims of a token signed by this server, or undefined when it is forged, expired or of another type. */
  #verify(token: string, type: 'access' | 'refresh'): { user_id: string } | undefined {
    const [head, body, sig] = token.split('.');
    if (!head || !body || !sig) return undefined;
    const good = createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url');
    if (good !== sig) return undefined;
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as {
      token_type: string;
      exp: number;
      jti: string;
      user_id: string;
    };
    if (claims.token_type !== type || claims.exp <= Date.now() / 1000) return undefined;
    if (this.#revoked.has(claims.jti)) return undefined;
    return claims;
  }

  #userById(id: string): User | undefined {
    for (const u of this.#users.values()) if (u.id === id) return u;
    return undefined;
  }

  #profile(user: User) {
    return {
      id: user.id,
      email: user.email,
      username: user.username,
      subscription_plan: 'enterprise',
      subscription_expires: null,
      max_clients: 999,
      allowed_models: ['llama3_1_8b_fp16', 'mistral_7b_int4'],
      created_at: '2026-01-14T20:57:09.860506+03:30',
    };
  }

  #model() {
    return {
      id: LLAMA_ID,
      name: 'llama3_1_8b_fp16',
      display_name: 'Llama 3.1 8B FP16',
      description: 'Meta Llama 3.1 8B model in FP16 precision',
      version: '1.0.0',
      file_size: [...this.#files.values()].reduce((n, b) => n + b.length, 0),
      block_count: this.#blockCount,
      is_active: true,
      created_at: '2026-01-09T11:30:12.581204+03:30',
      updated_at: '2026-01-09T11:30:12.581204+03:30',
    };
  }

  #license(user: User) {
    return {
      id: '06693f62-419c-40dd-9497-58920f0fef4b',
      license_key: 'OYO3-43CH-1RRR-7MNE-TKMY-8840-3EAA-ZJF9',
      hardware_bound: user.fingerprint !== null,
      expires_at: null,
      is_active: true,
      usage_count: user.usage,
      last_validated: '2026-01-14T21:03:18.442917+03:30',
      created_at: '2026-01-10T18:45:02.113460+03:30',
      is_valid: true,
    };
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const hasAuth = typeof req.headers.authorization === 'string';
    const status = await this.#route(req, res, method, path, url);
    this.log.push({ method, path, status, authorization: hasAuth });
  }

  #bump(route: string) {
    this.counts.set(route, this.count(route) + 1);
  }

  async #route(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
    url: URL,
  ): Promise<number> {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      return status;
    };
    const html = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(text);
      return status;
    };

    // Django's APPEND_SLASH: 301 to the slashed path, query kept, empty body.
    if (!path.endsWith('/') && !path.startsWith('/api/v1/downloads/desktop-app/')) {
      this.#bump('redirect');
      res
        .writeHead(301, { location: `${path}/${url.search}`, 'content-type': 'text/html; charset=utf-8' })
        .end();
      return 301;
    }
    if (path === '/health/') {
      this.#bump('health');
      return json(200, {
        status: 'healthy',
        timestamp: Date.now() / 1000,
        checks: {
          database: { status: 'healthy', message: 'Database connection successful' },
          configuration: {
            status: 'healthy',
            debug_mode: false,
            secret_key_configured: true,
            allowed_hosts: true,
          },
          cors: { status: 'healthy', origins_configured: true, credentials_allowed: true },
        },
        response_time_ms: 1.5,
      });
    }
    if (!path.startsWith('/api/v1/')) return html(404, '<h1>Not Found</h1>');
    const route = path.slice('/api/v1'.length);
    const body = method === 'POST' ? await readJson(req) : undefined;

    // SimpleJWT authentication runs on every DRF view, the anonymous ones included.
    const header = req.headers.authorization;
    let user: User | undefined;
    if (header !== undefined) {
      const claims = header.startsWith('Bearer ') ? this.#verify(header.slice(7), 'access') : undefined;
      user = claims ? this.#userById(claims.user_id) : undefined;
      if (!user) {
        this.#bump('401');
        return json(
          401,
          {
            detail: 'Given token not valid for any token type',
            code: 'token_not_valid',
            messages: [
              { token_class: 'AccessToken', token_type: 'access', message: 'Token is invalid or expired' },
            ],
          },
          { 'www-authenticate': 'Bearer realm="api"' },
        );
      }
    }
    const anonymous = ['/auth/register/', '/auth/login/', '/auth/refresh/'].includes(route);
    if (!anonymous && !user) {
      this.#bump('401');
      return json(
        401,
        { detail: 'Authentication credentials were not provided.' },
        { 'www-authenticate': 'Bearer realm="api"' },
      );
    }
    const post = (m: string) => {
      if (method === m) return false;
      res
        .writeHead(405, { 'content-type': 'application/json', allow: m })
        .end(JSON.stringify({ detail: `Method "${method}" not allowed.` }));
      return true;
    };

    if (route === '/auth/login/') {
      if (post('POST')) return 405;
      this.#bump('login');
      const b = (body ?? {}) as { email?: string; password?: string; hardware_fingerprint?: string };
      if (!b.email) return json(400, { email: ['This field is required.'] });
      const u = this.#users.get(b.email);
      if (!u || u.password !== b.password) return json(400, { non_field_errors: ['Invalid credentials'] });
      if (b.hardware_fingerprint) u.fingerprint = b.hardware_fingerprint;
      return json(200, {
        message: 'Login successful',
        user: this.#profile(u),
        tokens: { refresh: this.#jwt('refresh', u.id), access: this.#jwt('access', u.id) },
      });
    }
    if (route === '/auth/register/') {
      if (post('POST')) return 405;
      const b = (body ?? {}) as Record<string, string>;
      if (b.password !== b.password_confirm)
        return json(400, { non_field_errors: ["Passwords don't match"] });
      if (this.#users.has(b.email ?? ''))
        return json(400, { email: ['user with this email already exists.'] });
      const u = this.#addUser(b.email ?? '', b.username ?? '', b.password ?? '');
      return json(201, {
        message: 'User registered successfully',
        user: this.#profile(u),
        tokens: { refresh: this.#jwt('refresh', u.id), access: this.#jwt('access', u.id) },
      });
    }
    if (route === '/auth/refresh/') {
      if (post('POST')) return 405;
      this.#bump('refresh');
      const refresh = (body as { refresh?: string } | undefined)?.refresh;
      if (!refresh) return json(400, { refresh: ['This field is required.'] });
      const claims = this.#verify(refresh, 'refresh');
      if (!claims) return json(401, { detail: 'Token is invalid or expired', code: 'token_not_valid' });
      return json(200, {
        access: this.#jwt('access', claims.user_id),
        refresh: this.#jwt('refresh', claims.user_id),
      });
    }
    const me = user!;
    if (route === '/auth/logout/') {
      if (post('POST')) return 405;
      this.#bump('logout');
      if ((body as { refresh_token?: string } | undefined)?.refresh_token)
        return json(400, { error: 'Invalid token' });
      return json(200, { message: 'Logout successful' });
    }
    if (route === '/auth/profile/') {
      this.#bump('profile');
      return json(200, this.#profile(me));
    }
    if (route === '/license/validate/') {
      if (post('GET')) return 405;
      this.#bump('validate');
      const fp = url.searchParams.get('hardware_fingerprint');
      const hardware = {
        bound: me.fingerprint !== null,
        fingerprint_provided: fp !== null,
        fingerprint_valid: true,
      };
      if (fp !== null && !FINGERPRINT.test(fp))
        return json(400, { valid: false, message: 'Invalid hardware fingerprint format' });
      me.licensed = true;
      me.usage++;
      if (fp !== null) {
        if (me.fingerprint === null) me.fingerprint = fp;
        else if (me.fingerprint !== fp)
          return json(403, {
            valid: false,
            message: 'License is not valid for this hardware',
            hardware_info: { ...hardware, fingerprint_valid: false },
          });
      }
      return json(200, {
        valid: true,
        license: this.#license(me),
        user_info: {
          subscription_plan: 'enterprise',
          max_clients: 999,
          allowed_models: ['llama3_1_8b_fp16', 'mistral_7b_int4'],
        },
        hardware_info: { ...hardware, bound: me.fingerprint !== null },
      });
    }
    if (route === '/license/info/') {
      if (!me.licensed) return json(404, { error: 'No license found for user' });
      return json(200, {
        license: this.#license(me),
        user_info: {
          email: me.email,
          subscription_plan: 'enterprise',
          max_clients: 999,
          allowed_models: ['llama3_1_8b_fp16', 'mistral_7b_int4'],
          subscription_expires: null,
        },
        hardware_info: me.fingerprint
          ? {
              fingerprint: me.fingerprint,
              format_valid: true,
              length: 64,
              type: 'SHA-256 Hash',
              generated_at: 'Unknown',
            }
          : {},
      });
    }
    if (route === '/models/available/') {
      return json(200, {
        available_models: [{ ...this.#model(), access_status: ACCESS }],
        restricted_models: [],
        user_plan: 'enterprise',
        subscription_expires: null,
        total_available: 1,
        total_restricted: 0,
        access_summary: {
          user_id: me.id,
          subscription_plan: 'enterprise',
          subscription_expires: null,
          features: ACCESS.features,
          limits: { daily_downloads: -1, concurrent_downloads: 10 },
          model_access: { llama3_1_8b_fp16: ACCESS },
          usage_statistics: {
            period_days: 30,
            total_downloads: this.count('token'),
            completed_downloads: this.count('complete'),
            success_rate: 100.0,
            unique_models_accessed: 1,
            downloads_by_model: {},
            daily_pattern: [],
            last_activity: null,
          },
        },
        upgrade_info: {
          current_plan: 'enterprise',
          available_plans: ['free', 'pro', 'enterprise'],
          upgrade_benefits: {
            pro: ['Access to Mistral 7B model', 'Increased download limits', 'Priority support'],
            enterprise: ['All models', 'Unlimited downloads', 'Custom model support'],
          },
        },
      });
    }
    let m = /^\/models\/([0-9a-f-]{36})\/(metadata|download)\/$/.exec(route);
    if (m) {
      if (m[1] !== LLAMA_ID) return json(404, { error: 'Model not found' });
      if (m[2] === 'metadata') return json(200, this.#model());
      if (post('POST')) return 405;
      this.#bump('token');
      const token = randomBytes(32).toString('base64url');
      this.#tokens.set(token, { token, userId: me.id, modelId: LLAMA_ID, expired: false, completed: false });
      const base = `/api/v1/models/download/${token}`;
      return json(200, {
        download_token: token,
        model_info: this.#model(),
        expires_in: 3600,
        download_url: `${base}/`,
        access_info: ACCESS,
        storage_info: {
          encrypted: true,
          total_size: this.#model().file_size + 57 * this.#blockCount,
          block_count: this.#blockCount,
          encryption_type: 'AES-256-GCM',
        },
        available_endpoints: {
          model_info: `${base}/`,
          metadata: `${base}/metadata/`,
          tokenizer: `${base}/tokenizer/`,
          blocks: Array.from({ length: this.#blockCount }, (_, i) => `${base}/block/${i + 1}/`),
        },
      });
    }
    m = /^\/models\/download\/([A-Za-z0-9_-]+)\/(?:(block)\/(\d+)\/|(tokenizer|metadata|complete)\/)?$/.exec(
      route,
    );
    if (m) {
      const t = this.#tokens.get(m[1]!);
      if (!t || t.userId !== me.id || t.completed)
        return json(404, { error: 'Invalid or expired download token' });
      const what = m[2] ?? m[4];
      if (what === 'complete') {
        if (post('POST')) return 405;
        this.#bump('complete');
        t.completed = true;
        return json(200, {
          success: true,
          download_completed: true,
          completed_at: new Date().toISOString().replace('Z', '+00:00'),
          analytics_recorded: true,
        });
      }
      if (t.expired) {
        this.#bump('410');
        return json(410, { error: 'Download token expired' });
      }
      const base = `/api/v1/models/download/${t.token}`;
      if (what === undefined) {
        this.#bump('manifest');
        const blocks = [];
        for (let i = 1; i <= this.#blockCount; i++) {
          const size = this.#files.get(`block_${i}`)!.length;
          blocks.push({
            block_id: i,
            filename: `block_${i}.onnx`,
            encrypted_size: size + 57,
            original_size: size,
            download_url: `${base}/block/${i}/`,
          });
        }
        return json(200, {
          model_name: 'llama3_1_8b_fp16',
          display_name: 'Llama 3.1 8B FP16',
          version: '1.0.0',
          block_count: this.#blockCount,
          file_size: this.#model().file_size,
          encrypted_size: this.#model().file_size + 57 * this.#blockCount,
          blocks,
          tokenizer: { download_url: `${base}/tokenizer/` },
          metadata: { download_url: `${base}/metadata/`, encrypted: true },
          security_info: { encryption: 'AES-256-GCM', integrity_check: true, access_control: true },
        });
      }
      const key = what === 'block' ? (this.#blockServesMetadata ? 'metadata' : `block_${m[3]}`) : what!;
      const bytes = this.#files.get(key);
      if (!bytes) return json(404, { error: 'Block not found or access denied' });
      this.#bump(what === 'block' ? 'block' : what!);
      const filename =
        what === 'block'
          ? `${key}.onnx`
          : what === 'tokenizer'
            ? 'llama3_1_8b_fp16_tokenizer.zip'
            : 'llama3_1_8b_fp16_metadata.json';
      res.writeHead(200, {
        'content-type': key.startsWith('block_')
          ? 'application/octet-stream'
          : what === 'tokenizer'
            ? 'application/zip'
            : 'application/json',
        'content-length': String(bytes.length),
        'content-disposition': `attachment; filename="${filename}"`,
      });
      const kill = what === 'block' ? this.#kills.findIndex((k) => `block_${k.blockId}` === key) : -1;
      if (kill >= 0) {
        const { afterBytes } = this.#kills.splice(kill, 1)[0]!;
        this.#bump('killed');
        // Flush part of the body, then drop the connection mid-block.
        await new Promise<void>((resolve) => res.write(bytes.subarray(0, afterBytes), () => resolve()));
        res.socket?.destroy();
        return 200;
      }
      res.end(bytes);
      if (
        what === 'block' &&
        this.#expireAfterBlocks !== undefined &&
        this.count('block') >= this.#expireAfterBlocks
      ) {
        this.#expireAfterBlocks = undefined;
        this.expireDownloadTokens();
      }
      return 200;
    }
    return html(404, '<h1>Not Found</h1><p>The requested resource was not found on this server.</p>');
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
