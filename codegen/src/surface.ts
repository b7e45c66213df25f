/**
 * The public surface a spec describes with its vendor extensions (specs/README.md): which group and
 * method every operation is, where each input comes from, and the client's accessors and factories.
 * Everything is validated here; the emitters trust this model.
 */
import type { OpenApiDocument } from './load.ts';
import { IDENTIFIER, type Operation, type Parameter, readOperations } from './model.ts';
import { camelCase, pascalCase } from './names.ts';

export interface ContextValue {
  /** Scope name, e.g. `companyId`. */
  name: string;
  /** Key of the trailing scope object of accessors and factories. */
  option: string;
  /** The client default's name, read through `contextValue(…)`, e.g. `defaultCompanyId`. */
  clientDefault: string;
  /** Error class (exported by the SDK's `src/errors.ts`) thrown when neither gives a value. */
  missingError: string | undefined;
}

export interface GroupArg {
  name: string;
  optional: boolean;
}

export interface Group {
  key: string;
  className: string;
  description: string | undefined;
  accessor: string;
  factory: string | undefined;
  args: GroupArg[];
  /** The context values this group's bindings use (they come from the trailing scope object). */
  context: ContextValue[];
  /** wire parameter name → scope name. */
  bind: Map<string, string>;
  methods: Method[];
}

export type Arg =
  | { kind: 'path' | 'query'; param: Parameter; name: string; optional: boolean }
  | { kind: 'body'; name: string; optional: boolean }
  | { kind: 'field'; field: string; name: string; optional: boolean }
  | { kind: 'upload'; field: string };

export interface Method {
  name: string;
  op: Operation;
  args: Arg[];
  /** Query parameters the options object carries (camelCase keys). */
  options: Parameter[];
  /** Header parameters typed in `options.headers`. */
  headers: Parameter[];
  /** The options object must be given (a required query or header parameter is in it). */
  optionsRequired: boolean;
  bind: { part: 'path' | 'query' | 'header'; name: string; scope: string; required: boolean }[];
  defaults: { part: 'query' | 'body'; name: string; scope: string }[];
  after: string | undefined;
  /** `x-sdk-result: file`: the fallback file name. */
  file: string | undefined;
  upload: boolean;
  /** One of the operation's x-sdk-variants (not its main method). */
  variant: boolean;
  page: { listAll: string; iterAll: string; pageLimit: number; iterLimit: number } | undefined;
}

export interface Surface {
  package: string;
  className: string;
  pagination: { pageLimit: number; iterLimit: number };
  context: ContextValue[];
  /** Error class (from `src/errors.ts`) the default-client registry throws when empty. */
  registryMissingError: string | undefined;
  groups: Group[];
  /** Every operation, in document order (internal ones included). */
  operations: Operation[];
  /** operationId → group key and method name, for public operations. */
  placement: Map<string, { group: Group; method: Method }>;
  securitySchemes: Record<string, Record<string, unknown>>;
}

/** Members of the runtime's ClientCore an accessor may not shadow. */
const CLIENT_MEMBERS = new Set([
  'call',
  'close',
  'transport',
  'baseUrl',
  'basePath',
  'userAgent',
  'engine',
  'afterCall',
  'contextValue',
  'isClosed',
  'constructor',
]);
/** Members of the runtime's Service a method or scope getter may not shadow. */
const SERVICE_MEMBERS = new Set(['host', 'scope', 'invoke', 'paged', 'constructor']);
const CALL_OPTIONS = new Set(['signal', 'headers', 'timeout', 'deadline', 'idempotencyKey', 'retry']);
const PAGE_METHOD = /^get([A-Z][A-Za-z0-9]*)?Page$/;
const OP_KEYS = new Set([
  'x-fern-sdk-group-name',
  'x-fern-sdk-method-name',
  'x-sdk-args',
  'x-sdk-defaults',
  'x-sdk-after',
  'x-sdk-result',
  'x-sdk-file-name',
  'x-sdk-page-size',
  'x-sdk-internal',
  'x-sdk-list-all-method-name',
  'x-sdk-iter-all-method-name',
  'x-sdk-variants',
]);

/** Reads and validates the surface; throws one error listing every problem (each with `METHOD path`). */
export function buildSurface(doc: OpenApiDocument, label: string): Surface {
  const problems: string[] = [];
  const operations = readOperations(doc, problems);
  if (doc['x-sdk'] === undefined) {
    problems.push('no top-level x-sdk: the spec must describe its public surface (specs/README.md)');
  }
  const sdk = (doc['x-sdk'] ?? {}) as Record<string, unknown>;
  const at = 'x-sdk';

  const pkg = sdk.package;
  if (typeof pkg !== 'string' || !/^[a-z][a-z0-9-]*$/.test(pkg)) {
    problems.push(`${at}.package must be a lower-case package name`);
  }
  const pagination = readPaginationDefaults(sdk.pagination, problems);
  const context = readContext(sdk.context, problems);
  const contextByName = new Map(context.map((c) => [c.name, c]));
  const registry = (sdk.registry ?? {}) as { missingError?: unknown };
  if (registry.missingError !== undefined && !isClassName(registry.missingError)) {
    problems.push(`${at}.registry.missingError must be a class name`);
  }
  const groups = readGroups(sdk.groups, contextByName, problems);
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const placement = new Map<string, { group: Group; method: Method }>();

  for (const op of operations) {
    const raw = op.raw;
    for (const key of Object.keys(raw)) {
      if (key.startsWith('x-sdk') && !OP_KEYS.has(key))
        problems.push(`${op.where}: unknown extension ${key}`);
    }
    const groupName = raw['x-fern-sdk-group-name'];
    const methodName = raw['x-fern-sdk-method-name'];
    if (raw['x-sdk-internal'] === true) {
      if (groupName !== undefined || methodName !== undefined) {
        problems.push(`${op.where}: x-sdk-internal operations have no group or method`);
      }
      continue;
    }
    if (raw['x-sdk-internal'] !== undefined) problems.push(`${op.where}: x-sdk-internal must be true`);
    if (groupName === undefined && methodName === undefined) {
      problems.push(
        `${op.where}: says nothing about the surface: add x-fern-sdk-group-name and x-fern-sdk-method-name, or x-sdk-internal: true`,
      );
      continue;
    }
    if (typeof groupName !== 'string') {
      problems.push(`${op.where}: x-fern-sdk-group-name missing`);
      continue;
    }
    if (typeof methodName !== 'string' || !IDENTIFIER.test(methodName) || !/^[a-z]/.test(methodName)) {
      problems.push(`${op.where}: x-fern-sdk-method-name must be a camelCase identifier`);
      continue;
    }
    const group = byKey.get(groupName);
    if (!group) {
      problems.push(`${op.where}: unknown group "${groupName}" (not in x-sdk.groups)`);
      continue;
    }
    const method = readMethod(op, methodName, group, pagination, problems, raw['x-sdk-args']);
    if (!method) continue;
    group.methods.push(method);
    placement.set(op.operationId, { group, method });
    // x-sdk-variants: more methods on the same operation, each with its own name and arguments.
    const variants = raw['x-sdk-variants'];
    if (variants === undefined) continue;
    if (!Array.isArray(variants)) {
      problems.push(`${op.where}: x-sdk-variants must be a list of { method, args }`);
      continue;
    }
    for (const v of variants as { method?: unknown; args?: unknown }[]) {
      if (!isCamel(v?.method)) {
        problems.push(`${op.where}: x-sdk-variants: each needs a camelCase method`);
        continue;
      }
      if (op.pagination) {
        problems.push(`${op.where}: x-sdk-variants on a paginated operation`);
        continue;
      }
      const variant = readMethod(op, v.method, group, pagination, problems, v.args);
      if (variant) group.methods.push({ ...variant, variant: true });
    }
  }

  for (const group of groups) checkGroup(group, operations, problems);
  if (problems.length) throw new Error(`${label}:\n  ${problems.join('\n  ')}`);
  const schemes = (doc.components?.securitySchemes ?? {}) as Record<string, Record<string, unknown>>;
  const securitySchemes: Surface['securitySchemes'] = {};
  for (const [name, scheme] of Object.entries(schemes)) {
    const { description: _d, ...rest } = scheme;
    securitySchemes[name] = rest;
  }
  return {
    package: pkg as string,
    className: `${pascalCase(pkg as string)}Surface`,
    pagination,
    context,
    registryMissingError: registry.missingError as string | undefined,
    groups,
    operations,
    placement,
    securitySchemes,
  };
}

function isClassName(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z][A-Za-z0-9]*$/.test(value);
}

function isCamel(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z][A-Za-z0-9]*$/.test(value);
}

function readPaginationDefaults(raw: unknown, problems: string[]): Surface['pagination'] {
  const p = (raw ?? {}) as { pageLimit?: unknown; iterLimit?: unknown };
  const size = (value: unknown, fallback: number, name: string) => {
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
    problems.push(`x-sdk.pagination.${name} must be a positive integer`);
    return fallback;
  };
  return { pageLimit: size(p.pageLimit, 10, 'pageLimit'), iterLimit: size(p.iterLimit, 100, 'iterLimit') };
}

function readContext(raw: unknown, problems: string[]): ContextValue[] {
  if (raw === undefined) return [];
  if (typeof raw !== 'object' || raw === null) {
    problems.push('x-sdk.context must be a map');
    return [];
  }
  const out: ContextValue[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const v = (value ?? {}) as { option?: unknown; clientDefault?: unknown; missingError?: unknown };
    const at = `x-sdk.context.${name}`;
    if (!isCamel(name)) problems.push(`${at}: the name must be camelCase`);
    const option = v.option ?? name;
    if (!isCamel(option)) problems.push(`${at}.option must be camelCase`);
    if (!isCamel(v.clientDefault))
      problems.push(`${at}.clientDefault must name the client's default (camelCase)`);
    if (v.missingError !== undefined && !isClassName(v.missingError)) {
      problems.push(`${at}.missingError must be a class name`);
    }
    out.push({
      name,
      option: option as string,
      clientDefault: v.clientDefault as string,
      missingError: v.missingError as string | undefined,
    });
  }
  return out;
}

function readGroups(raw: unknown, context: Map<string, ContextValue>, problems: string[]): Group[] {
  if (typeof raw !== 'object' || raw === null || !Object.keys(raw).length) {
    problems.push('x-sdk.groups must name at least one group');
    return [];
  }
  const groups: Group[] = [];
  const accessors = new Map<string, string>();
  const classes = new Map<string, string>();
  const factories = new Map<string, string>();
  const unique = (seen: Map<string, string>, value: string, key: string, what: string) => {
    if (seen.has(value))
      problems.push(`x-sdk.groups.${key}: ${what} "${value}" is also used by ${seen.get(value)}`);
    seen.set(value, key);
  };
  for (const [key, value] of Object.entries(raw)) {
    const g = (value ?? {}) as Record<string, unknown>;
    const at = `x-sdk.groups.${key}`;
    for (const k of Object.keys(g)) {
      if (!['class', 'description', 'accessor', 'factory', 'args', 'bind'].includes(k)) {
        problems.push(`${at}: unknown key ${k}`);
      }
    }
    const className = g.class ?? `${pascalCase(key)}Service`;
    if (!isClassName(className)) problems.push(`${at}.class must be a PascalCase class name`);
    else unique(classes, className, key, 'class');
    const accessor = g.accessor ?? camelCase(key);
    if (!isCamel(accessor)) problems.push(`${at}.accessor must be camelCase`);
    else if (CLIENT_MEMBERS.has(accessor))
      problems.push(`${at}.accessor "${accessor}" is a member of ClientCore`);
    else unique(accessors, accessor, key, 'accessor');
    if (g.factory !== undefined) {
      if (!isCamel(g.factory)) problems.push(`${at}.factory must be camelCase`);
      else unique(factories, g.factory, key, 'factory');
    }
    if (g.description !== undefined && typeof g.description !== 'string') {
      problems.push(`${at}.description must be text`);
    }
    const args: GroupArg[] = [];
    if (g.args !== undefined && !Array.isArray(g.args)) problems.push(`${at}.args must be a list`);
    for (const a of (Array.isArray(g.args) ? g.args : []) as unknown[]) {
      const m = typeof a === 'string' ? /^([a-z][A-Za-z0-9]*)(\?)?$/.exec(a) : null;
      if (!m) {
        problems.push(`${at}.args: "${String(a)}" must be a camelCase name, "?" when optional`);
        continue;
      }
      const arg = { name: m[1]!, optional: m[2] === '?' };
      if (context.has(arg.name)) problems.push(`${at}.args: "${arg.name}" is a context value`);
      if (SERVICE_MEMBERS.has(arg.name)) problems.push(`${at}.args: "${arg.name}" is a member of Service`);
      if (args.some((x) => x.name === arg.name)) problems.push(`${at}.args: "${arg.name}" twice`);
      args.push(arg);
    }
    const bind = new Map<string, string>();
    const used: ContextValue[] = [];
    if (g.bind !== undefined && (typeof g.bind !== 'object' || g.bind === null)) {
      problems.push(`${at}.bind must be a map`);
    }
    for (const [param, scope] of Object.entries((g.bind ?? {}) as Record<string, unknown>)) {
      if (typeof scope !== 'string') {
        problems.push(`${at}.bind.${param} must name a scope value`);
        continue;
      }
      const ctx = context.get(scope);
      if (!ctx && !args.some((x) => x.name === scope)) {
        problems.push(
          `${at}.bind.${param}: "${scope}" is neither one of the group's args nor an x-sdk.context value`,
        );
        continue;
      }
      if (ctx && !used.includes(ctx)) used.push(ctx);
      bind.set(param, scope);
    }
    groups.push({
      key,
      className: className as string,
      description: g.description as string | undefined,
      accessor: accessor as string,
      factory: g.factory as string | undefined,
      args,
      context: used,
      bind,
      methods: [],
    });
  }
  return groups;
}

function readMethod(
  op: Operation,
  name: string,
  group: Group,
  pagination: Surface['pagination'],
  problems: string[],
  rawArgs: unknown,
): Method | undefined {
  const raw = op.raw;
  const where = op.where;
  const before = problems.length;
  const params = [...op.pathParams, ...op.queryParams, ...op.headerParams];
  const scopeNames = new Set([...group.args.map((a) => a.name), ...group.context.map((c) => c.name)]);

  // Bindings: the group's bind entries this operation has a parameter for.
  const bind: Method['bind'] = [];
  const bound = new Set<Parameter>();
  for (const [paramName, scope] of group.bind) {
    const param = params.find((p) => p.name.toLowerCase() === paramName.toLowerCase());
    if (!param || param.in === 'cookie') continue;
    bound.add(param);
    bind.push({ part: param.in, name: param.name, scope, required: param.required });
  }

  // Positional arguments.
  const args: Arg[] = [];
  const positional = new Set<Parameter>();
  let wholeBody = false;
  let fields = false;
  let upload = false;
  if (rawArgs !== undefined && !Array.isArray(rawArgs)) problems.push(`${where}: x-sdk-args must be a list`);
  const specs: string[] = Array.isArray(rawArgs)
    ? (rawArgs as unknown[]).map(String)
    : [
        ...op.pathParams.filter((p) => !bound.has(p)).map((p) => p.name),
        ...(op.body ? [op.body.required ? 'body' : 'body?'] : []),
      ];
  for (const spec of specs) {
    const optional = spec.endsWith('?');
    const text = optional ? spec.slice(0, -1) : spec;
    if (text === 'body') {
      if (!op.body) problems.push(`${where}: x-sdk-args "body" but the operation has no request body`);
      else if (!optional && !op.body.required)
        problems.push(`${where}: x-sdk-args "body": the body is optional, write "body?"`);
      else if (
        optional &&
        op.body.required &&
        [...(op.body.properties?.values() ?? [])].some((p) => p.required)
      )
        problems.push(`${where}: x-sdk-args "body?": the body is required and {} is not a valid one`);
      wholeBody = true;
      args.push({ kind: 'body', name: 'body', optional });
    } else if (text.startsWith('body.') || text.startsWith('upload:body.')) {
      const isUpload = text.startsWith('upload:');
      const field = text.slice(isUpload ? 'upload:body.'.length : 'body.'.length);
      const props = op.body?.properties;
      if (!op.body) problems.push(`${where}: x-sdk-args "${spec}" but the operation has no request body`);
      else if (isUpload && op.body.encoding !== 'multipart') {
        problems.push(`${where}: x-sdk-args "${spec}" needs a multipart/form-data body`);
      } else if (
        !isUpload &&
        op.body.encoding !== 'json' &&
        op.body.encoding !== 'multipart' &&
        op.body.encoding !== 'form'
      ) {
        problems.push(`${where}: x-sdk-args "${spec}" needs an object body`);
      } else if (props && !props.has(field)) {
        problems.push(`${where}: x-sdk-args "${spec}": the body has no field "${field}"`);
      }
      fields = true;
      if (isUpload) {
        if (optional) problems.push(`${where}: x-sdk-args "${spec}": an upload cannot be optional`);
        if (upload) problems.push(`${where}: x-sdk-args: only one upload per method`);
        upload = true;
        args.push({ kind: 'upload', field });
      } else {
        args.push({ kind: 'field', field, name: camelCase(field), optional });
      }
    } else {
      const isQuery = text.startsWith('query.');
      const paramName = isQuery ? text.slice('query.'.length) : text;
      const param = (isQuery ? op.queryParams : op.pathParams).find((p) => p.name === paramName);
      if (!param) {
        problems.push(
          `${where}: x-sdk-args "${spec}": no ${isQuery ? 'query' : 'path'} parameter "${paramName}"`,
        );
        continue;
      }
      if (bound.has(param))
        problems.push(`${where}: x-sdk-args "${spec}": "${paramName}" is bound by group ${group.key}`);
      if (!isQuery && optional)
        problems.push(`${where}: x-sdk-args "${spec}": a path parameter cannot be optional`);
      positional.add(param);
      args.push({ kind: isQuery ? 'query' : 'path', param, name: param.option, optional });
    }
  }
  if (wholeBody && fields) problems.push(`${where}: x-sdk-args mixes "body" with body fields`);
  for (const p of op.pathParams) {
    if (!bound.has(p) && !positional.has(p)) {
      problems.push(
        `${where}: path parameter "${p.name}" is neither bound by group ${group.key} nor in x-sdk-args`,
      );
    }
  }
  if (op.body?.required && !wholeBody && !fields) {
    problems.push(`${where}: the request body is required but x-sdk-args gives no body or body field`);
  }
  if (op.body?.properties && fields) {
    for (const [field, { required }] of op.body.properties) {
      const covered = args.some((a) => (a.kind === 'field' || a.kind === 'upload') && a.field === field);
      if (required && !covered)
        problems.push(`${where}: required body field "${field}" is not in x-sdk-args`);
    }
  }
  const argNames = new Set<string>();
  let seenOptional = false;
  for (const a of args) {
    const names = a.kind === 'upload' ? ['filename', 'content'] : [a.name];
    for (const n of names) {
      if (argNames.has(n) || n === 'options') problems.push(`${where}: two arguments named "${n}"`);
      argNames.add(n);
    }
    const optional = a.kind !== 'upload' && a.optional;
    if (!optional && seenOptional)
      problems.push(`${where}: x-sdk-args: a required argument follows an optional one`);
    seenOptional ||= optional;
  }

  // The options object.
  const options = op.queryParams.filter((p) => !bound.has(p) && !positional.has(p));
  const optionNames = new Set<string>();
  for (const p of options) {
    if (CALL_OPTIONS.has(p.option))
      problems.push(`${where}: query parameter "${p.name}" is reserved (option "${p.option}")`);
    if (upload && p.option === 'contentType')
      problems.push(`${where}: query parameter "${p.name}" clashes with the upload's contentType`);
    if (optionNames.has(p.option)) problems.push(`${where}: two query parameters are option "${p.option}"`);
    optionNames.add(p.option);
  }
  const headers = op.headerParams.filter((p) => !bound.has(p) && p.name.toLowerCase() !== 'idempotency-key');

  // Defaults from the scope.
  const defaults: Method['defaults'] = [];
  const rawDefaults = raw['x-sdk-defaults'];
  if (rawDefaults !== undefined && (typeof rawDefaults !== 'object' || rawDefaults === null)) {
    problems.push(`${where}: x-sdk-defaults must be a map`);
  }
  for (const [target, scope] of Object.entries((rawDefaults ?? {}) as Record<string, unknown>)) {
    const m = /^(query|body)\.(.+)$/.exec(target);
    if (!m) {
      problems.push(`${where}: x-sdk-defaults key "${target}" must be query.<name> or body.<field>`);
      continue;
    }
    const part = m[1] as 'query' | 'body';
    const fieldName = m[2]!;
    if (typeof scope !== 'string' || !scopeNames.has(scope)) {
      problems.push(
        `${where}: x-sdk-defaults.${target}: "${String(scope)}" is not a scope value of group ${group.key}`,
      );
      continue;
    }
    if (part === 'query' && !op.queryParams.some((p) => p.name === fieldName)) {
      problems.push(`${where}: x-sdk-defaults.${target}: no query parameter "${fieldName}"`);
    }
    if (part === 'body' && (!op.body || (op.body.properties && !op.body.properties.has(fieldName)))) {
      problems.push(`${where}: x-sdk-defaults.${target}: the body has no field "${fieldName}"`);
    }
    defaults.push({ part, name: fieldName, scope });
  }

  // A required query parameter the scope fills in (x-sdk-defaults) may be left out of the options.
  const defaulted = (p: Parameter) => defaults.some((d) => d.part === 'query' && d.name === p.name);
  const optionsRequired = [...options, ...headers].some((p) => p.required && !defaulted(p));
  if (optionsRequired && seenOptional) {
    problems.push(
      `${where}: the options object is required (a required query/header parameter) but follows optional arguments`,
    );
  }

  const after = raw['x-sdk-after'];
  if (after !== undefined && !isCamel(after))
    problems.push(`${where}: x-sdk-after must name a hook (camelCase)`);
  const result = raw['x-sdk-result'];
  let file: string | undefined;
  if (result !== undefined) {
    if (result !== 'file')
      problems.push(`${where}: x-sdk-result "${String(result)}" is not supported (file)`);
    else if (op.success.decoding !== 'stream')
      problems.push(`${where}: x-sdk-result: file needs a binary response (x-download)`);
    const named = raw['x-sdk-file-name'];
    if (named !== undefined && typeof named !== 'string')
      problems.push(`${where}: x-sdk-file-name must be text`);
    file =
      (named as string | undefined) ??
      op.success.exampleFilename ??
      `${op.operationId}${extensionOf(op.success.contentType)}`;
  } else if (raw['x-sdk-file-name'] !== undefined) {
    problems.push(`${where}: x-sdk-file-name needs x-sdk-result: file`);
  }

  let page: Method['page'];
  const pageSize = raw['x-sdk-page-size'];
  if (op.pagination) {
    const m = PAGE_METHOD.exec(name);
    if (!m) problems.push(`${where}: paginated method "${name}" must be named getPage or get<X>Page`);
    const suffix = m?.[1] ?? '';
    const named = (key: string, fallback: string) => {
      const value = raw[key];
      if (value === undefined) return fallback;
      if (isCamel(value)) return value;
      problems.push(`${where}: ${key} must be a camelCase method name`);
      return fallback;
    };
    if (
      pageSize !== undefined &&
      !(typeof pageSize === 'number' && Number.isInteger(pageSize) && pageSize > 0)
    ) {
      problems.push(`${where}: x-sdk-page-size must be a positive integer`);
    }
    const pageParams = [op.pagination.limit, op.pagination.offset];
    for (const wire of pageParams) {
      if (!options.some((p) => p.name === wire)) {
        problems.push(`${where}: paginated method: query parameter "${wire}" must be in the options object`);
      }
    }
    page = {
      listAll: named('x-sdk-list-all-method-name', `listAll${suffix}`),
      iterAll: named('x-sdk-iter-all-method-name', `iterAll${suffix}`),
      pageLimit: pagination.pageLimit,
      iterLimit: typeof pageSize === 'number' ? pageSize : pagination.iterLimit,
    };
  } else {
    for (const key of ['x-sdk-page-size', 'x-sdk-list-all-method-name', 'x-sdk-iter-all-method-name']) {
      if (raw[key] !== undefined) problems.push(`${where}: ${key} on an operation without x-pagination`);
    }
  }

  const names = page ? [name, page.listAll, page.iterAll] : [name];
  for (const n of names) {
    if (SERVICE_MEMBERS.has(n) || scopeNames.has(n))
      problems.push(`${where}: method "${n}" shadows a member of ${group.className}`);
    const clash = group.methods.find((m) => m.name === n || m.page?.listAll === n || m.page?.iterAll === n);
    if (clash) problems.push(`${where}: method "${n}" is already in group ${group.key} (${clash.op.where})`);
  }
  if (problems.length > before) return undefined;
  return {
    name,
    op,
    args,
    options,
    headers,
    optionsRequired,
    bind,
    defaults,
    after: after as string | undefined,
    file,
    upload,
    variant: false,
    page,
  };
}

function checkGroup(group: Group, operations: Operation[], problems: string[]): void {
  const at = `x-sdk.groups.${group.key}`;
  if (!group.methods.length) problems.push(`${at}: no operation is in this group`);
  const inGroup = operations.filter((op) => op.raw['x-fern-sdk-group-name'] === group.key);
  for (const param of group.bind.keys()) {
    const has = inGroup.some((op) =>
      [...op.pathParams, ...op.queryParams, ...op.headerParams].some(
        (p) => p.name.toLowerCase() === param.toLowerCase(),
      ),
    );
    if (!has) problems.push(`${at}.bind: no operation of the group has a parameter "${param}"`);
  }
}

const EXTENSIONS: Record<string, string> = {
  'application/zip': '.zip',
  'application/json': '.json',
  'application/pdf': '.pdf',
  'text/csv': '.csv',
  'text/plain': '.txt',
  'application/gzip': '.gz',
};

function extensionOf(contentType: string | undefined): string {
  return (contentType && EXTENSIONS[contentType]) || '.bin';
}
