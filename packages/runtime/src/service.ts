/**
 * The generic base of generated services. A generated method is one line: it hands this base a
 * {@link MethodPlan} (data emitted from the spec), its positional arguments and its options object;
 * the base turns them into the operation's input (path, query, headers, body), fills in what the
 * service's scope binds, and calls the client.
 */
import type { OperationDescriptor, RequestInput } from './api-client.js';
import { RequestValidationError, type ValidationIssue } from './errors.js';
import { filePart, readFile } from './file-part.js';
import { type PaginateMode, paginate } from './paginate.js';
import type { OffsetPagination, Page } from './pagination.js';
import type { CallOptions } from './types.js';

/** What a service needs from its client (the runtime's `ClientCore` provides it). */
export interface ServiceHost {
  /** Sends one operation and resolves with its decoded result (a `Response` for binary ones). */
  call<T>(op: OperationDescriptor, input?: RequestInput, options?: CallOptions): Promise<T>;
  /** The hook an operation's `x-sdk-after` names; the method returns what it returns. */
  afterCall(hook: string, result: unknown): unknown;
  /** The client's default for a scope value (`x-sdk.context.*.clientDefault`, e.g. `defaultCompanyId`). */
  contextValue(name: string): unknown;
}

/** The values a service was created with: company, acting user, campaign… (`undefined`: not given). */
export type ScopeValues = Readonly<Record<string, string | undefined>>;

/** How a generated method maps onto its operation. Emitted by the generator; read by {@link Service}. */
export interface MethodPlan {
  readonly op: OperationDescriptor;
  /**
   * Where each positional argument goes, in order: `path:<name>`, `query:<name>`, `body` (the whole
   * body), `body:<field>` (one field of a JSON body), `upload:<field>` (two arguments, a file name and
   * the content, sent as a file part of a multipart body).
   */
  readonly args?: readonly string[];
  /** Options-object key → query parameter name, for every query parameter the options carry. */
  readonly query?: Readonly<Record<string, string>>;
  /**
   * `path:<name>` / `query:<name>` / `header:<name>` → the scope value that fills it on every call. A
   * trailing `?` on the scope key: the operation does not require the parameter, so an unset value just
   * leaves it out; otherwise an unset value is a {@link RequestValidationError} and nothing is sent.
   */
  readonly bind?: Readonly<Record<string, string>>;
  /** `query:<name>` / `body:<field>` → the scope value used when the call leaves that input out. */
  readonly defaults?: Readonly<Record<string, string>>;
  /** `x-sdk-after`: the client hook the result goes through. */
  readonly after?: string;
  /** `x-sdk-result: file`: the binary result is read into `{ filename, content }`; this name when the server sends none. */
  readonly file?: string;
  /** `x-pagination`: the envelope's fields and the default page sizes of getPage and of the walks. */
  readonly page?: OffsetPagination & { readonly pageLimit: number; readonly iterLimit: number };
}

/**
 * A method's plan, or a function loading it: generated services load a group's plans (with the operations'
 * descriptors and validators) the first time one of its methods is called, so a bundle carries only the
 * groups it calls.
 */
export type PlanSource = MethodPlan | (() => Promise<MethodPlan>);

/** The per-call options every generated method takes, plus the extra keys some add (query parameters, `contentType`). */
type OptionsObject = CallOptions & { readonly [key: string]: unknown };

/** The base of every generated service class. */
export abstract class Service<S extends ScopeValues = ScopeValues> {
  /** The client the service calls through. */
  protected readonly host: ServiceHost;
  /** The values the service was created with. */
  protected readonly scope: S;

  constructor(host: ServiceHost, scope: S) {
    this.host = host;
    this.scope = scope;
  }

  /** Calls the plan's operation with these arguments and options. */
  protected async invoke<T>(source: PlanSource, args: readonly unknown[], options?: object): Promise<T> {
    const plan = typeof source === 'function' ? await source() : source;
    const [input, callOptions] = this.#input(plan, args, (options ?? {}) as OptionsObject);
    const result = await this.host.call<unknown>(plan.op, input, callOptions);
    const out = plan.file === undefined ? result : await readFile(result as Response, plan.file);
    return (plan.after === undefined ? out : await this.host.afterCall(plan.after, out)) as T;
  }

  /** getPage / listAll / iterAll of a paginated operation, through the runtime's {@link paginate}. */
  protected paged<T>(
    mode: 'page',
    plan: PlanSource,
    args: readonly unknown[],
    options?: object,
  ): Promise<Page<T>>;
  protected paged<T>(
    mode: 'list',
    plan: PlanSource,
    args: readonly unknown[],
    options?: object,
  ): Promise<T[]>;
  protected paged<T>(
    mode: 'iter',
    plan: PlanSource,
    args: readonly unknown[],
    options?: object,
  ): AsyncGenerator<T, void, undefined>;
  protected paged<T>(
    mode: PaginateMode,
    source: PlanSource,
    args: readonly unknown[],
    options: object = {},
  ): Promise<Page<T>> | Promise<T[]> | AsyncGenerator<T, void, undefined> {
    if (typeof source === 'function') {
      // A lazily loaded plan: the walk starts once it is there (for iterAll, at the first next()).
      if (mode === 'iter') return this.#iterLater<T>(source, args, options);
      return source().then((plan) => this.paged<T>(mode as 'page', plan, args, options)) as
        | Promise<Page<T>>
        | Promise<T[]>;
    }
    const plan = source;
    const page = plan.page;
    if (!page) throw new TypeError(`${plan.op.id} is not paginated`);
    const limitKey = optionKey(plan, page.limit);
    const offsetKey = optionKey(plan, page.offset);
    const { [limitKey]: limit, [offsetKey]: offset, ...rest } = options as Record<string, unknown>;
    return paginate<T>(
      mode,
      (at, size) => this.invoke(plan, args, { ...rest, [limitKey]: size, [offsetKey]: at }),
      {
        fields: page,
        offset: offset as number | undefined,
        limit: limit as number | undefined,
        defaultLimit: mode === 'page' ? page.pageLimit : page.iterLimit,
      },
    );
  }

  async *#iterLater<T>(
    source: () => Promise<MethodPlan>,
    args: readonly unknown[],
    options: object,
  ): AsyncGenerator<T, void, undefined> {
    yield* this.paged<T>('iter', await source(), args, options);
  }

  #input(plan: MethodPlan, args: readonly unknown[], options: OptionsObject): [RequestInput, CallOptions] {
    const path: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    const headers: Record<string, string> = {};
    const callOptions: Record<string, unknown> = {};
    const uploads = plan.args?.some((a) => a.startsWith('upload:')) ?? false;
    let contentType: string | undefined;
    for (const [key, value] of Object.entries(options)) {
      const wire = plan.query?.[key];
      if (wire !== undefined) {
        if (value !== undefined && value !== null) query[wire] = wireValue(value);
      } else if (key === 'contentType' && uploads) {
        contentType = value as string | undefined;
      } else {
        callOptions[key] = value;
      }
    }

    let body: unknown;
    let fields: Record<string, unknown> | undefined;
    let i = 0;
    for (const spec of plan.args ?? []) {
      const [part, name] = split(spec);
      if (part === 'path') path[name] = args[i++];
      else if (part === 'query') {
        const value = args[i++];
        if (value !== undefined && value !== null) query[name] = wireValue(value);
      } else if (part === 'body' && name === '') body = args[i++];
      else if (part === 'body') {
        const value = args[i++];
        fields ??= {};
        if (value !== undefined) fields[name] = value;
      } else if (part === 'upload') {
        const filename = args[i++] as string;
        const content = args[i++] as BlobPart;
        fields ??= {};
        fields[name] = filePart(filename, content, contentType);
      }
    }
    if (fields) body = body === undefined ? fields : { ...(body as object), ...fields };

    const issues: ValidationIssue[] = [];
    const given = options.headers;
    for (const [where, ref] of Object.entries(plan.bind ?? {})) {
      const optional = ref.endsWith('?');
      const key = optional ? ref.slice(0, -1) : ref;
      const [part, name] = split(where);
      if (part === 'header' && given && hasHeader(given, name)) continue;
      const value = this.scope[key];
      if (value === undefined || value === '') {
        if (!optional) {
          issues.push({
            path: `${part === 'header' ? 'headers' : part}.${name}`,
            message: `${name} comes from the service's ${key}, which is not set: create the service with a ${key}`,
          });
        }
        continue;
      }
      if (part === 'header') headers[name] = value;
      else if (part === 'path') path[name] = value;
      else query[name] = value;
    }
    if (issues.length) throw new RequestValidationError(plan.op.id, issues);

    for (const [where, key] of Object.entries(plan.defaults ?? {})) {
      const value = this.scope[key];
      if (value === undefined) continue;
      const [part, name] = split(where);
      if (part === 'query') {
        if (query[name] === undefined) query[name] = value;
      } else if (body === undefined) {
        body = { [name]: value };
      } else if (isPlainObject(body) && body[name] === undefined) {
        body = { ...body, [name]: value };
      }
    }

    const input: RequestInput = { path, query, headers };
    if (body !== undefined) input.body = body;
    return [input, callOptions as CallOptions];
  }
}

/**
 * Splits the arguments of an accessor or factory whose optional arguments may be skipped by passing the
 * trailing scope object early: `characters(userId, { companyId })` = `characters(userId, undefined, { companyId })`.
 */
export function scopeArgs<S extends object>(
  args: readonly unknown[],
  count: number,
): [values: (string | undefined)[], scope: S | undefined] {
  const values: (string | undefined)[] = [];
  let scope: S | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg !== null && typeof arg === 'object') {
      scope = arg as S;
      break;
    }
    if (i < count) values.push(arg as string | undefined);
  }
  while (values.length < count) values.push(undefined);
  return [values, scope];
}

function split(spec: string): [part: string, name: string] {
  const colon = spec.indexOf(':');
  return colon < 0 ? [spec, ''] : [spec.slice(0, colon), spec.slice(colon + 1)];
}

function optionKey(plan: MethodPlan, wire: string): string {
  for (const [key, name] of Object.entries(plan.query ?? {})) if (name === wire) return key;
  return wire;
}

function hasHeader(headers: Readonly<Record<string, string | undefined>>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.entries(headers).some(([k, v]) => k.toLowerCase() === lower && v !== undefined);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/** Query values as they go on the wire: a `Date` (date-time parameters) as its ISO string. */
function wireValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(wireValue);
  return value;
}
