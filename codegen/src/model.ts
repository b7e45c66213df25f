import { deref, type OpenApiDocument } from './load.ts';
import { camelCase, pascalCase } from './names.ts';

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;
/** Per-call option names; a query parameter may not use them. */
export const RESERVED_PARAM_NAMES = new Set(['signal', 'headers', 'timeout', 'idempotencyKey', 'retry']);

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
}

export interface Pagination {
  items: string;
  total: string;
  limit: string;
  offset: string;
}

export interface Operation {
  /** The spec's operationId, as written (key of openapi-typescript's `operations`). */
  operationId: string;
  /** camelCase method name. */
  name: string;
  /** PascalCase, prefix of the generated type and validator names. */
  typeName: string;
  tag: string;
  method: Uppercase<(typeof METHODS)[number]>;
  path: string;
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  anonymous: boolean;
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  body:
    | { contentType: string; encoding: 'json' | 'form' | 'multipart' | 'text' | 'binary'; required: boolean }
    | undefined;
  success: {
    status: string;
    contentType: string | undefined;
    decoding: 'json' | 'text' | 'stream' | 'empty';
  };
  pagination: Pagination | undefined;
  /** Base path of the operation's own `servers` (path or operation level), when it has them. */
  basePath: string | undefined;
}

export interface Resource {
  tag: string;
  /** camelCase accessor, e.g. `companies`. */
  accessor: string;
  className: string;
  description: string | undefined;
  operations: Operation[];
}

/** Reads every operation of the document, grouped by tag, in document order. Throws on a broken convention. */
export function buildModel(doc: OpenApiDocument, label: string): Resource[] {
  const problems: string[] = [];
  const byTag = new Map<string, Resource>();
  const seen = new Map<string, string>();
  const tagDescriptions = new Map((doc.tags ?? []).map((t) => [t.name, t.description]));

  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref<Record<string, unknown>>(doc, rawItem);
    const shared = (item.parameters as unknown[] | undefined) ?? [];
    for (const method of METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const operationId = op.operationId as string | undefined;
      if (!operationId) {
        problems.push(`${where}: missing operationId`);
        continue;
      }
      const name = camelCase(operationId);
      if (seen.has(name))
        problems.push(`${where}: operationId ${operationId} collides with ${seen.get(name)}`);
      seen.set(name, where);
      const tags = (op.tags as string[] | undefined) ?? [];
      if (tags.length !== 1) problems.push(`${where}: needs exactly one tag, has ${tags.length}`);
      const tag = tags[0] ?? 'default';

      const params = mergeParameters(doc, shared, (op.parameters as unknown[] | undefined) ?? []);
      const pathParams = orderByTemplate(
        path,
        params.filter((p) => p.in === 'path'),
      );
      const queryParams = params.filter((p) => p.in === 'query');
      for (const q of queryParams) {
        if (RESERVED_PARAM_NAMES.has(q.name))
          problems.push(`${where}: query parameter "${q.name}" is reserved`);
      }
      const headerParams = params.filter((p) => p.in === 'header');

      const operation: Operation = {
        operationId,
        name,
        typeName: pascalCase(operationId),
        tag,
        method: method.toUpperCase() as Operation['method'],
        path,
        summary: op.summary as string | undefined,
        description: op.description as string | undefined,
        deprecated: op.deprecated === true,
        anonymous: Array.isArray(op.security) && op.security.length === 0,
        pathParams,
        queryParams,
        headerParams,
        body: readBody(doc, op.requestBody),
        success: readSuccess(doc, op, where, problems),
        pagination: readPagination(op['x-pagination'], where, problems),
        basePath: serversBasePath((op.servers ?? item.servers) as { url: string }[] | undefined),
      };
      if (operation.pagination && operation.success.decoding !== 'json') {
        problems.push(`${where}: x-pagination needs a JSON response`);
      }

      let resource = byTag.get(tag);
      if (!resource) {
        resource = {
          tag,
          accessor: camelCase(tag),
          className: `${pascalCase(tag)}Resource`,
          description: tagDescriptions.get(tag),
          operations: [],
        };
        byTag.set(tag, resource);
      }
      resource.operations.push(operation);
    }
  }
  if (problems.length) throw new Error(`${label}:\n  ${problems.join('\n  ')}`);
  return [...byTag.values()];
}

function mergeParameters(doc: OpenApiDocument, shared: unknown[], own: unknown[]): Parameter[] {
  const out = new Map<string, Parameter>();
  for (const raw of [...shared, ...own]) {
    const p = deref<{ name: string; in: Parameter['in']; required?: boolean }>(doc, raw);
    out.set(`${p.in}:${p.name}`, {
      name: p.name,
      in: p.in,
      required: p.in === 'path' || p.required === true,
    });
  }
  return [...out.values()];
}

function orderByTemplate(path: string, params: Parameter[]): Parameter[] {
  const order = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  return [...params].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

const BODY_PREFERENCE: [RegExp, NonNullable<Operation['body']>['encoding']][] = [
  [/^application\/(.+\+)?json$/, 'json'],
  [/^multipart\/form-data$/, 'multipart'],
  [/^application\/x-www-form-urlencoded$/, 'form'],
  [/^(text\/.+|application\/(x-)?yaml)$/, 'text'],
  [/./, 'binary'],
];

function readBody(doc: OpenApiDocument, raw: unknown): Operation['body'] {
  if (!raw) return undefined;
  const body = deref<{ required?: boolean; content?: Record<string, unknown> }>(doc, raw);
  const types = Object.keys(body.content ?? {});
  for (const [pattern, encoding] of BODY_PREFERENCE) {
    const contentType = types.find((t) => pattern.test(t));
    if (contentType) return { contentType, encoding, required: body.required === true };
  }
  return undefined;
}

function readSuccess(
  doc: OpenApiDocument,
  op: Record<string, unknown>,
  where: string,
  problems: string[],
): Operation['success'] {
  const responses = (op.responses ?? {}) as Record<string, unknown>;
  const status = Object.keys(responses)
    .filter((s) => /^2\d\d$/.test(s))
    .sort()[0];
  if (!status) {
    problems.push(`${where}: no 2xx response`);
    return { status: '200', contentType: undefined, decoding: 'empty' };
  }
  const response = deref<{ content?: Record<string, unknown> }>(doc, responses[status]);
  const types = Object.keys(response.content ?? {});
  if (!types.length) return { status, contentType: undefined, decoding: 'empty' };
  const json = types.find((t) => /^application\/(.+\+)?json$/.test(t));
  if (json && op['x-download'] !== true) return { status, contentType: json, decoding: 'json' };
  const text = types.find((t) => /^(text\/.+|application\/(x-)?yaml)$/.test(t));
  if (text && op['x-download'] !== true) return { status, contentType: text, decoding: 'text' };
  return { status, contentType: types[0], decoding: 'stream' };
}

function readPagination(raw: unknown, where: string, problems: string[]): Pagination | undefined {
  if (raw === undefined) return undefined;
  const p = (raw ?? {}) as Partial<Pagination> & { style?: string };
  if (p.style !== 'offset') {
    problems.push(`${where}: x-pagination style "${p.style}" is not supported (use offset)`);
    return undefined;
  }
  return {
    items: p.items ?? 'items',
    total: p.total ?? 'total',
    limit: p.limit ?? 'limit',
    offset: p.offset ?? 'offset',
  };
}

/** The path of the first server URL (`https://host/api/v1` → `/api/v1`); undefined without servers. */
export function serversBasePath(servers: { url: string }[] | undefined): string | undefined {
  const url = servers?.[0]?.url;
  if (url === undefined) return undefined;
  const path = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? new URL(url.replace(/\{[^}]+\}/g, 'x')).pathname : url;
  return path.replace(/\/+$/, '');
}
