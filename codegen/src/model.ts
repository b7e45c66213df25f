import { deref, type OpenApiDocument } from './load.ts';
import { camelCase, pascalCase } from './names.ts';

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;
/** Per-call option names; a query parameter may not use them. */
export const RESERVED_PARAM_NAMES = new Set([
  'signal',
  'headers',
  'timeout',
  'deadline',
  'idempotencyKey',
  'retry',
]);

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** Name in generated code: `x-fern-parameter-name`, else the camelCase of `name`. */
  option: string;
  /** The schema is `format: date-time` (also inside anyOf/oneOf with null): a `Date` is accepted. */
  dateTime: boolean;
  /** The TypeScript type of a plain scalar schema; undefined for anything richer. */
  scalar: 'string' | 'number' | 'boolean' | undefined;
  description: string | undefined;
}

export interface Pagination {
  items: string;
  total: string;
  limit: string;
  offset: string;
}

/** One security requirement object: scheme name → scopes. `{}` makes credentials optional. */
export type SecurityRequirement = Record<string, string[]>;

export interface Operation {
  /** The spec's operationId, as written (key of openapi-typescript's `operations`). */
  operationId: string;
  /** camelCase method name. */
  name: string;
  /** PascalCase, prefix of the generated type and validator names. */
  typeName: string;
  method: Uppercase<(typeof METHODS)[number]>;
  path: string;
  /** `METHOD path`, the name problems and docs use. */
  where: string;
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  anonymous: boolean;
  /** The operation's security requirements (its own, else the document's); undefined when neither says. */
  security: SecurityRequirement[] | undefined;
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  body:
    | {
        contentType: string;
        encoding: 'json' | 'form' | 'multipart' | 'text' | 'binary';
        required: boolean;
        /** `components.schemas` name when the schema is a plain `$ref`. */
        model: string | undefined;
        /** The object schema's properties (undefined: not a plain object schema). */
        properties: Map<string, { required: boolean }> | undefined;
      }
    | undefined;
  success: {
    status: string;
    contentType: string | undefined;
    decoding: 'json' | 'text' | 'stream' | 'empty';
    /** `components.schemas` name when the schema is a plain `$ref`. */
    model: string | undefined;
    /** With x-pagination: the `components.schemas` name of the items, when a plain `$ref`. */
    itemModel: string | undefined;
    /** A file name in the example of a `Content-Disposition` response header. */
    exampleFilename: string | undefined;
  };
  pagination: Pagination | undefined;
  /** Base path of the operation's own `servers` (path or operation level), when it has them. */
  basePath: string | undefined;
  /** The operation object (for its vendor extensions). */
  raw: Record<string, unknown>;
}

/** Every operation of the document in document order; problems are collected, not thrown. */
export function readOperations(doc: OpenApiDocument, problems: string[]): Operation[] {
  const operations: Operation[] = [];
  const seen = new Map<string, string>();
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

      const params = mergeParameters(
        doc,
        shared,
        (op.parameters as unknown[] | undefined) ?? [],
        where,
        problems,
      );
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
      const security = (op.security ?? doc.security) as SecurityRequirement[] | undefined;

      const operation: Operation = {
        operationId,
        name,
        typeName: pascalCase(operationId),
        method: method.toUpperCase() as Operation['method'],
        path,
        where,
        summary: op.summary as string | undefined,
        description: op.description as string | undefined,
        deprecated: op.deprecated === true,
        anonymous: Array.isArray(op.security) && op.security.length === 0,
        security,
        pathParams,
        queryParams,
        headerParams,
        body: readBody(doc, op.requestBody),
        success: readSuccess(doc, op, where, problems),
        pagination: readPagination(op['x-pagination'], where, problems),
        basePath: serversBasePath((op.servers ?? item.servers) as { url: string }[] | undefined),
        raw: op,
      };
      if (operation.pagination && operation.success.decoding !== 'json') {
        problems.push(`${where}: x-pagination needs a JSON response`);
      }
      if (operation.pagination) operation.success.itemModel = itemModel(doc, op, operation);
      operations.push(operation);
    }
  }
  return operations;
}

type RawSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  anyOf?: RawSchema[];
  oneOf?: RawSchema[];
  items?: RawSchema;
  properties?: Record<string, RawSchema>;
  required?: string[];
};

function mergeParameters(
  doc: OpenApiDocument,
  shared: unknown[],
  own: unknown[],
  where: string,
  problems: string[],
): Parameter[] {
  const out = new Map<string, Parameter>();
  for (const raw of [...shared, ...own]) {
    const p = deref<{
      name: string;
      in: Parameter['in'];
      required?: boolean;
      schema?: RawSchema;
      description?: string;
      'x-fern-parameter-name'?: unknown;
    }>(doc, raw);
    const fern = p['x-fern-parameter-name'];
    if (fern !== undefined && (typeof fern !== 'string' || !IDENTIFIER.test(fern))) {
      problems.push(`${where}: x-fern-parameter-name of "${p.name}" must be an identifier`);
    }
    const schema = p.schema ? deref<RawSchema>(doc, p.schema) : undefined;
    out.set(`${p.in}:${p.name}`, {
      name: p.name,
      in: p.in,
      required: p.in === 'path' || p.required === true,
      option: typeof fern === 'string' ? fern : camelCase(p.name),
      dateTime: schema ? isDateTime(doc, schema) : false,
      scalar: schema ? scalarOf(schema) : undefined,
      description: p.description,
    });
  }
  return [...out.values()];
}

function isDateTime(doc: OpenApiDocument, schema: RawSchema): boolean {
  if (schema.format === 'date-time') return true;
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].map((s) =>
    deref<RawSchema>(doc, s),
  );
  const real = alternatives.filter((s) => s.type !== 'null');
  return real.length === 1 && real[0]!.format === 'date-time';
}

function scalarOf(schema: RawSchema): Parameter['scalar'] {
  if (schema.$ref || schema.anyOf || schema.oneOf || (schema as { enum?: unknown }).enum) return undefined;
  if ((schema as { const?: unknown }).const !== undefined) return undefined;
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return undefined;
  }
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

function refName(schema: unknown): string | undefined {
  const ref = (schema as RawSchema | undefined)?.$ref;
  const m = ref ? /^#\/components\/schemas\/([^/]+)$/.exec(ref) : null;
  return m ? m[1] : undefined;
}

function readBody(doc: OpenApiDocument, raw: unknown): Operation['body'] {
  if (!raw) return undefined;
  const body = deref<{ required?: boolean; content?: Record<string, { schema?: unknown }> }>(doc, raw);
  const types = Object.keys(body.content ?? {});
  for (const [pattern, encoding] of BODY_PREFERENCE) {
    const contentType = types.find((t) => pattern.test(t));
    if (!contentType) continue;
    const rawSchema = body.content?.[contentType]?.schema;
    const schema = rawSchema ? deref<RawSchema>(doc, rawSchema) : undefined;
    let properties: Map<string, { required: boolean }> | undefined;
    if (schema?.properties) {
      const required = new Set(schema.required ?? []);
      properties = new Map(Object.keys(schema.properties).map((k) => [k, { required: required.has(k) }]));
    }
    return { contentType, encoding, required: body.required === true, model: refName(rawSchema), properties };
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
  const none = { model: undefined, itemModel: undefined, exampleFilename: undefined };
  if (!status) {
    problems.push(`${where}: no 2xx response`);
    return { status: '200', contentType: undefined, decoding: 'empty', ...none };
  }
  const response = deref<{
    content?: Record<string, { schema?: unknown }>;
    headers?: Record<string, unknown>;
  }>(doc, responses[status]);
  const disposition = Object.entries(response.headers ?? {}).find(
    ([k]) => k.toLowerCase() === 'content-disposition',
  )?.[1];
  const example = disposition ? deref<{ example?: unknown }>(doc, disposition).example : undefined;
  const exampleFilename =
    typeof example === 'string' ? /filename="?([^";]+)"?/i.exec(example)?.[1]?.trim() : undefined;
  const types = Object.keys(response.content ?? {});
  if (!types.length) return { status, contentType: undefined, decoding: 'empty', ...none, exampleFilename };
  const json = types.find((t) => /^application\/(.+\+)?json$/.test(t));
  if (json && op['x-download'] !== true) {
    const model = refName(response.content?.[json]?.schema);
    return { status, contentType: json, decoding: 'json', ...none, model, exampleFilename };
  }
  const text = types.find((t) => /^(text\/.+|application\/(x-)?yaml)$/.test(t));
  if (text && op['x-download'] !== true) {
    return { status, contentType: text, decoding: 'text', ...none, exampleFilename };
  }
  return { status, contentType: types[0], decoding: 'stream', ...none, exampleFilename };
}

function itemModel(
  doc: OpenApiDocument,
  op: Record<string, unknown>,
  operation: Operation,
): string | undefined {
  const responses = (op.responses ?? {}) as Record<string, unknown>;
  const response = deref<{ content?: Record<string, { schema?: unknown }> }>(
    doc,
    responses[operation.success.status],
  );
  const raw = response.content?.[operation.success.contentType ?? '']?.schema;
  if (!raw) return undefined;
  const envelope = deref<RawSchema>(doc, raw);
  const items = envelope.properties?.[operation.pagination!.items];
  if (!items) return undefined;
  const array = deref<RawSchema>(doc, items);
  return refName(array.items);
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

export const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
