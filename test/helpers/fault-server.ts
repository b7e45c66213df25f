/**
 * A scriptable fault-injection HTTP server (node:http on 127.0.0.1, port 0). Each route answers the n-th
 * request with the n-th fault of its script (the last one repeats). It keeps what the server saw: every
 * request, the faults it injected, and its own ledger — every request it executed (method, path,
 * Idempotency-Key, body hash, the caller's `x-logical-id`) with Idempotency-Key deduplication as a
 * server that honours keys would, and every response it served in full (with the hash of its body).
 * The reliability ledger compares this record with what the client said each call returned.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  /** A normal answer. */
  | { kind: 'ok'; status?: number; json?: unknown; headers?: Record<string, string> }
  /** An error status (5xx burst, 429 + Retry-After…). */
  | { kind: 'status'; status: number; headers?: Record<string, string>; json?: unknown }
  /** The connection is dropped before any response byte. */
  | { kind: 'reset-before-headers' }
  /** Headers and the first `after` bytes of a JSON body, then the connection is dropped. */
  | { kind: 'reset-mid-body'; after: number }
  /** Nothing for `ms`, then `then`. */
  | { kind: 'slow-headers'; ms: number; then?: Fault }
  /** The body arrives in `chunks` pieces, `everyMs` apart. */
  | { kind: 'slow-body'; chunks: number; everyMs: number; json?: unknown }
  /** Content-Length promises more than is sent; then a clean close. */
  | { kind: 'truncate'; after: number }
  | { kind: 'malformed-json' }
  | { kind: 'wrong-content-type' }
  | { kind: 'oversized'; bytes: number }
  | { kind: 'redirect'; status: number; location: string };

/** One request the server acted on (a replay deduplicated by its Idempotency-Key is not one). */
export interface Execution {
  method: string;
  path: string;
  /** The caller's `x-logical-id` header (one per logical call, shared by its retries). */
  logicalId: string | undefined;
  idempotencyKey: string | undefined;
  /** SHA-256 of the request body. */
  bodyHash: string;
  /** The route is a write (non-idempotent effect); reads are recorded too, with `effect: false`. */
  effect: boolean;
}

/** One response the server finished sending: its status and the SHA-256 of the whole body. */
export interface ServedResponse {
  logicalId: string | undefined;
  method: string;
  path: string;
  status: number;
  bodyHash: string;
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Script = readonly Fault[] | ((n: number, request: SeenRequest) => Fault);

interface Route {
  method: string;
  path: string;
  script: Script;
  /** A non-idempotent operation: executions are counted per `x-logical-id`, deduplicated by Idempotency-Key. */
  effect: boolean;
  count: number;
}

export interface FileOptions {
  /** Advertise and honour Range/If-Range. */
  ranges: boolean;
  /** Faults for the first responses (`truncate`/`reset-mid-body` apply to the body actually sent). */
  faults?: readonly Fault[];
}

export class FaultServer {
  readonly requests: SeenRequest[] = [];
  /** Responses that carried a fault (anything but a plain success). */
  faults = 0;
  /** logical id → executions. */
  readonly executions = new Map<string, number>();
  /** The server's ledger: every request it executed, in order. */
  readonly executed: Execution[] = [];
  /** Every response sent in full (a body cut short or never sent is not here). */
  readonly served: ServedResponse[] = [];
  /** Faults applied, by the caller's logical id, in order (for the fault-schedule oracle). */
  readonly faultsFor = new Map<string, Fault['kind'][]>();
  url = '';
  readonly #routes: Route[] = [];
  readonly #files = new Map<string, { data: Buffer; etag: string; options: FileOptions; count: number }>();
  readonly #idempotent = new Set<string>();
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();

  constructor() {
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error) => {
        res.destroy(error as Error);
      });
    });
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    this.#server.close();
    await once(this.#server, 'close');
  }

  /** Scripts a route. `effect: true` marks a non-idempotent operation whose executions are counted. */
  route(method: string, path: string, script: Script, options: { effect?: boolean } = {}): this {
    this.#routes.unshift({ method, path, script, effect: options.effect ?? false, count: 0 });
    return this;
  }

  /** Serves a file (for downloads), with optional range support and faults on the first responses. */
  file(path: string, data: Buffer, options: FileOptions): this {
    const etag = `"${createHash('sha256').update(data).digest('hex').slice(0, 16)}"`;
    this.#files.set(path, { data, etag, options, count: 0 });
    return this;
  }

  /** Requests the server received on a route. */
  seen(method: string, path: string): SeenRequest[] {
    return this.requests.filter((r) => r.method === method && r.path.split('?')[0] === path);
  }

  /** Logical operations executed more than once. */
  get duplicated(): number {
    return [...this.executions.values()].filter((n) => n > 1).length;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const seen: SeenRequest = {
      method: req.method ?? '',
      path: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    this.requests.push(seen);
    const pathname = seen.path.split('?')[0] as string;
    const file = this.#files.get(pathname);
    if (file && seen.method === 'GET') return this.#serveFile(req, res, file, seen);
    const route = this.#routes.find((r) => r.method === seen.method && r.path === pathname);
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"no route"}');
      return;
    }
    const n = route.count++;
    const fault = typeof route.script === 'function' ? route.script(n, seen) : pick(route.script, n);
    const logicalId = seen.headers['x-logical-id'] as string | undefined;
    if (logicalId) this.faultsFor.set(logicalId, [...(this.faultsFor.get(logicalId) ?? []), fault.kind]);
    // 429 and 503 are refusals: the server did not act. Anything else may have taken effect.
    const refused = fault.kind === 'status' && (fault.status === 429 || fault.status === 503);
    if (!refused) this.#execute(seen, route.effect);
    await this.#apply(res, fault, seen);
  }

  /** Runs the operation (a write's side effect), unless its Idempotency-Key was seen before. */
  #execute(request: SeenRequest, effect: boolean): void {
    const key = request.headers['idempotency-key'] as string | undefined;
    const logicalId = request.headers['x-logical-id'] as string | undefined;
    if (effect) {
      if (key && this.#idempotent.has(key)) return;
      if (key) this.#idempotent.add(key);
      const id = logicalId ?? `anonymous-${this.requests.length}`;
      this.executions.set(id, (this.executions.get(id) ?? 0) + 1);
    }
    this.executed.push({
      method: request.method,
      path: request.path.split('?')[0] as string,
      logicalId,
      idempotencyKey: key,
      bodyHash: sha256(request.body),
      effect,
    });
  }

  /** Records a response whose whole body was handed to the socket. */
  #served(request: SeenRequest, status: number, body: string | Buffer): void {
    this.served.push({
      logicalId: request.headers['x-logical-id'] as string | undefined,
      method: request.method,
      path: request.path.split('?')[0] as string,
      status,
      bodyHash: sha256(body),
    });
  }

  async #apply(res: ServerResponse, fault: Fault, request: SeenRequest): Promise<void> {
    if (fault.kind !== 'ok') this.faults++;
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(text)),
        'x-request-id': `req_${this.requests.length}`,
        ...headers,
      });
      res.end(text, () => this.#served(request, status, text));
    };
    switch (fault.kind) {
      case 'ok':
        return json(
          fault.status ?? 200,
          fault.json ?? { ok: true, echo: request.body || null },
          fault.headers,
        );
      case 'status':
        return json(fault.status, fault.json ?? { detail: `fault ${fault.status}` }, fault.headers);
      case 'reset-before-headers':
        res.socket?.destroy();
        return;
      case 'reset-mid-body': {
        const text = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: i })) });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
        res.write(text.slice(0, fault.after), () => res.socket?.destroy());
        return;
      }
      case 'slow-headers':
        await new Promise((r) => setTimeout(r, fault.ms));
        if (res.socket?.destroyed) return;
        return this.#apply(res, fault.then ?? { kind: 'ok' }, request);
      case 'slow-body': {
        const text = JSON.stringify(fault.json ?? { slow: true, padding: 'x'.repeat(200) });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
        const size = Math.ceil(text.length / fault.chunks);
        for (let i = 0; i < text.length; i += size) {
          if (res.socket?.destroyed) return;
          if (i + size >= text.length) {
            res.end(text.slice(i), () => this.#served(request, 200, text));
            return;
          }
          res.write(text.slice(i, i + size));
          await new Promise((r) => setTimeout(r, fault.everyMs));
        }
        return;
      }
      case 'truncate': {
        const text = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: i })) });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length) });
        res.write(text.slice(0, fault.after), () => res.socket?.end());
        return;
      }
      case 'malformed-json':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"items": [1, 2,');
        return;
      case 'wrong-content-type':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Maintenance</body></html>');
        return;
      case 'oversized': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const block = Buffer.alloc(64 * 1024, 0x20);
        for (let sent = 0; sent < fault.bytes && !res.socket?.destroyed; sent += block.length) {
          if (!res.write(block)) await drainOrClose(res);
        }
        res.end();
        return;
      }
      case 'redirect':
        res.writeHead(fault.status, { location: fault.location, 'content-length': '0' }).end();
        return;
    }
  }

  async #serveFile(
    req: IncomingMessage,
    res: ServerResponse,
    file: { data: Buffer; etag: string; options: FileOptions; count: number },
    request: SeenRequest,
  ): Promise<void> {
    const n = file.count++;
    const fault = file.options.faults?.[n];
    if (fault) this.faults++;
    this.#execute(request, false);
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', etag: file.etag };
    if (file.options.ranges) headers['accept-ranges'] = 'bytes';
    const range = req.headers.range?.match(/^bytes=(\d+)-$/);
    const ifRange = req.headers['if-range'];
    let start = 0;
    if (file.options.ranges && range && (!ifRange || ifRange === file.etag)) {
      start = Number(range[1]);
      headers['content-range'] = `bytes ${start}-${file.data.length - 1}/${file.data.length}`;
    }
    const body = file.data.subarray(start);
    headers['content-length'] = String(body.length);
    res.writeHead(start > 0 ? 206 : 200, headers);
    if (fault?.kind === 'truncate' || fault?.kind === 'reset-mid-body') {
      const cut = body.subarray(0, fault.after);
      res.write(cut, () => (fault.kind === 'truncate' ? res.socket?.end() : res.socket?.destroy()));
      return;
    }
    res.end(body, () => this.#served(request, start > 0 ? 206 : 200, body));
  }
}

function pick(script: readonly Fault[], n: number): Fault {
  return script[Math.min(n, script.length - 1)] ?? { kind: 'ok' };
}

export async function startFaultServer(): Promise<FaultServer> {
  return new FaultServer().start();
}

/** Waits until the response can take more data or the connection is gone (no listener left behind). */
function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
