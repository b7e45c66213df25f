/**
 * A loopback mock of one API, driven by its OpenAPI document: every operation answers its first 2xx
 * example (the documents carry one for each), so a user program may call anything the spec describes.
 * Three rules on top:
 * - a path parameter that starts with `missing` (or is the all-zero UUID …0404) gets the operation's
 *   documented 404 example;
 * - paginated operations (`x-pagination`) serve a collection of `MOCK_TOTAL` items made from the
 *   example's first item (ids numbered), honouring `limit`/`offset`, so walks really page;
 * - CORS headers on every answer and preflight, so browser pages from another origin can call it.
 * Each request is recorded (method, path, headers) for the harness to check (e.g. the User-Agent).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse } from 'yaml';

export const MOCK_TOTAL = 23;
export const MISSING_ID = '00000000-0000-4000-8000-000000000404';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

interface Route {
  method: string;
  regex: RegExp;
  params: string[];
  literalLength: number;
  op: Obj;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  status: number;
}

const specCache = new Map<string, { doc: Obj; routes: Route[] }>();

function load(api: string) {
  let hit = specCache.get(api);
  if (hit) return hit;
  const doc = parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'specs', api, 'openapi.yaml'), 'utf8'),
  ) as Obj;
  const basePath = (servers: Json | undefined): string => {
    const url = (servers as Obj[] | undefined)?.[0]?.url;
    if (typeof url !== 'string') return '';
    return new URL(url.replace(/\{[^}]+\}/g, 'host')).pathname.replace(/\/$/, '');
  };
  const docBase = basePath(doc.servers);
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(doc.paths as Obj)) {
    const pathItem = item as Obj;
    const base = pathItem.servers ? basePath(pathItem.servers) : docBase;
    const params: string[] = [];
    const pattern = (base + template)
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const m = /^\{([^}]+)\}$/.exec(part);
        if (!m) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        params.push(m[1]!);
        return '([^/,]+)';
      })
      .join('');
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = pathItem[method] as Obj | undefined;
      if (!op) continue;
      routes.push({
        method: method.toUpperCase(),
        regex: new RegExp(`^${pattern}$`),
        params,
        literalLength: template.replace(/\{[^}]+\}/g, '').length,
        op,
      });
    }
  }
  // Literal segments win over parameters (`/jobs/last_set` before `/jobs/{job_name}`).
  routes.sort((a, b) => a.params.length - b.params.length || b.literalLength - a.literalLength);
  hit = { doc, routes };
  specCache.set(api, hit);
  return hit;
}

function resolve(doc: Obj, node: Json | undefined): Json | undefined {
  let cur = node;
  for (let i = 0; i < 10 && cur && typeof cur === 'object' && !Array.isArray(cur) && '$ref' in cur; i++) {
    const ref = String(cur.$ref);
    cur = ref
      .slice(2)
      .split('/')
      .reduce<Json | undefined>((o, k) => (o as Obj | undefined)?.[k.replace(/~1/g, '/')], doc);
  }
  return cur;
}

interface Canned {
  status: number;
  contentType?: string;
  body?: Json;
}

function canned(doc: Obj, op: Obj, status: string): Canned {
  const response = resolve(doc, (op.responses as Obj)[status]) as Obj | undefined;
  const content = response?.content as Obj | undefined;
  if (!content) return { status: Number(status) };
  const [contentType, media] = Object.entries(content)[0] as [string, Obj];
  let body: Json | undefined;
  if (media.examples) {
    const first = Object.values(media.examples as Obj)[0];
    body = (resolve(doc, first) as Obj | undefined)?.value;
  } else if ('example' in media) body = media.example ?? null;
  else body = (resolve(doc, media.schema) as Obj | undefined)?.example;
  return { status: Number(status), contentType, body };
}

function numbered(item: Json, i: number): Json {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
  const copy: Obj = structuredClone(item);
  if (typeof copy.id === 'string') {
    const tail = String(i).padStart(12, '0');
    copy.id = /^[0-9a-f-]{36}$/i.test(copy.id) ? copy.id.slice(0, 24) + tail : `${copy.id}-${i}`;
  }
  if (typeof copy.name === 'string') copy.name = `${copy.name} #${i}`;
  return copy;
}

function answer(api: string, method: string, url: URL): Canned | undefined {
  const { doc, routes } = load(api);
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.regex.exec(url.pathname);
    if (!m) continue;
    const values = m.slice(1).map((v) => decodeURIComponent(v));
    const statuses = Object.keys(route.op.responses as Obj);
    if (values.some((v) => v.startsWith('missing') || v === MISSING_ID)) {
      if (statuses.includes('404')) return canned(doc, route.op, '404');
      return { status: 404, contentType: 'application/json', body: { detail: 'Not found.' } };
    }
    const ok = statuses.filter((s) => /^2\d\d$/.test(s)).sort()[0];
    if (!ok) return { status: 500, contentType: 'text/plain', body: 'mock: no 2xx response in the spec' };
    const c = canned(doc, route.op, ok);
    if (route.op['x-pagination'] && c.body && typeof c.body === 'object' && !Array.isArray(c.body)) {
      const page = c.body as Obj;
      const template = (page.items as Json[] | undefined)?.[0];
      const limit = Number(url.searchParams.get('limit') ?? page.limit ?? 10);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const items: Json[] = [];
      for (let i = offset; i < Math.min(offset + limit, MOCK_TOTAL); i++) items.push(numbered(template!, i));
      c.body = { ...page, items, limit, offset, total: MOCK_TOTAL };
    }
    return c;
  }
  return undefined;
}

export interface Mock {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

function cors(req: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? '*'),
    'access-control-expose-headers': '*',
    'access-control-max-age': '600',
  };
}

/** Starts a mock of `api` (a folder of specs/) on 127.0.0.1 and an ephemeral port. */
export async function startMock(api: string): Promise<Mock> {
  load(api);
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';
      const record = { method, path: url.pathname + url.search, headers: req.headers, status: 0 };
      if (method !== 'OPTIONS') requests.push(record);
      if (method === 'OPTIONS') {
        res.writeHead(204, cors(req)).end();
        return;
      }
      const c = answer(api, method, url) ?? {
        status: 501,
        contentType: 'text/plain',
        body: `mock: ${method} ${url.pathname} is not an operation of specs/${api}`,
      };
      record.status = c.status;
      const headers: Record<string, string> = { ...cors(req), 'x-request-id': `req_mock${requests.length}` };
      if (c.body === undefined || c.status === 204) {
        res.writeHead(c.status, headers).end();
        return;
      }
      headers['content-type'] = c.contentType ?? 'application/json';
      const text =
        typeof c.body === 'string' && !/json/.test(headers['content-type']) ? c.body : JSON.stringify(c.body);
      res.writeHead(c.status, headers).end(text);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
