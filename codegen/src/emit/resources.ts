import type { Operation, Resource } from '../model.ts';
import { camelCase, docText, propertyKey } from '../names.ts';

/**
 * resources.gen.ts: one class per tag, one method per operation, typed through schema.gen.ts and
 * validated through validators.gen.ts; `…Page` / `…Iter` / `…All` companions for x-pagination.
 */
export function emitResources(resources: Resource[], validatorNames: Set<string>, basePath: string): string {
  const out: string[] = [];
  const paginated = resources.some((r) => r.operations.some((o) => o.pagination));
  const runtimeImports = ['type ApiClient', 'type CallOptions', 'type OperationDescriptor'];
  if (paginated) runtimeImports.push('collectItems', 'iterateItems', 'Page');
  if (resources.some((r) => r.operations.some((o) => o.body?.encoding === 'multipart'))) {
    runtimeImports.push('type MultipartBody');
  }
  if (resources.some((r) => r.operations.some((o) => o.body?.encoding === 'binary'))) {
    runtimeImports.push('type BinaryBody');
  }
  out.push(`import { ${runtimeImports.join(', ')} } from '@sdkforge/runtime';`);
  out.push(`import type { operations } from './schema.gen.js';`);
  out.push(`import * as v from './validators.gen.js';`, '');

  out.push("/** The API's base path on its server (the path of the spec's first server URL). */");
  out.push(`export const API_BASE_PATH = ${JSON.stringify(basePath)};`, '');
  const all = resources.flatMap((r) => r.operations);
  for (const op of all) out.push(...typesOf(op));

  out.push('/** What the runtime needs to know about each operation. */');
  out.push('const OPS = {');
  for (const op of all) out.push(`  ${op.name}: ${descriptor(op, validatorNames)},`);
  out.push('} as const satisfies Record<string, OperationDescriptor>;', '');

  for (const resource of resources) out.push(...resourceClass(resource));

  out.push('/** Every resource of the API, keyed by accessor. */');
  out.push('export function createResources(api: ApiClient) {');
  out.push('  return {');
  for (const r of resources) out.push(`    ${r.accessor}: new ${r.className}(api),`);
  out.push('  };');
  out.push('}', '');
  out.push('export type Resources = ReturnType<typeof createResources>;', '');
  out.push('/** Index of every operation: where it lives in the SDK and on the wire. */');
  out.push('export const operationIndex = [');
  for (const r of resources) {
    for (const op of r.operations) {
      out.push(
        `  { operationId: ${JSON.stringify(op.operationId)}, resource: ${JSON.stringify(r.accessor)}, method: ${JSON.stringify(op.name)}, http: ${JSON.stringify(op.method)}, path: ${JSON.stringify(op.path)}${op.pagination ? ', paginated: true' : ''}${op.success.decoding === 'stream' ? ', download: true' : ''} },`,
      );
    }
  }
  out.push('] as const;', '');
  return out.join('\n');
}

function opRef(op: Operation): string {
  return `operations[${JSON.stringify(op.operationId)}]`;
}

function hasQuery(op: Operation) {
  return op.queryParams.length > 0;
}
function hasHeaders(op: Operation) {
  return op.headerParams.length > 0;
}
function paramsRequired(op: Operation) {
  return [...op.queryParams, ...op.headerParams].some((p) => p.required);
}

function typesOf(op: Operation): string[] {
  const t = op.typeName;
  const lines: string[] = [];
  if (hasQuery(op)) lines.push(`export type ${t}Query = NonNullable<${opRef(op)}['parameters']['query']>;`);
  if (hasHeaders(op))
    lines.push(`export type ${t}Headers = NonNullable<${opRef(op)}['parameters']['header']>;`);
  const parts: string[] = [];
  if (hasQuery(op)) parts.push(`${t}Query`);
  const headerType = hasHeaders(op) ? `${t}Headers & Record<string, string>` : 'Record<string, string>';
  const headersOptional = op.headerParams.some((p) => p.required) ? '' : '?';
  parts.push(`{ headers${headersOptional}: ${headerType} }`);
  parts.push(`Omit<CallOptions, 'headers'>`);
  lines.push(`/** Query parameters, header parameters and per-call options of \`${op.name}\`. */`);
  lines.push(`export type ${t}Params = ${parts.join(' & ')};`);
  if (op.body) lines.push(`export type ${t}Body = ${bodyType(op)};`);
  lines.push(`export type ${t}Result = ${resultType(op)};`);
  if (op.pagination)
    lines.push(`export type ${t}Item = ${t}Result[${JSON.stringify(op.pagination.items)}][number];`);
  lines.push('');
  return lines;
}

function bodyType(op: Operation): string {
  const body = op.body!;
  const raw = `NonNullable<${opRef(op)}['requestBody']>['content'][${JSON.stringify(body.contentType)}]`;
  if (body.encoding === 'multipart') return `MultipartBody<${raw}>`;
  if (body.encoding === 'binary') return 'BinaryBody';
  return raw;
}

function resultType(op: Operation): string {
  switch (op.success.decoding) {
    case 'json':
      return `${opRef(op)}['responses'][${op.success.status}]['content'][${JSON.stringify(op.success.contentType)}]`;
    case 'text':
      return 'string';
    case 'stream':
      return 'Response';
    default:
      return 'void';
  }
}

function descriptor(op: Operation, validators: Set<string>): string {
  const fields = [
    `id: ${JSON.stringify(op.name)}`,
    `method: ${JSON.stringify(op.method)}`,
    `path: ${JSON.stringify(op.path)}`,
    `response: ${JSON.stringify(op.success.decoding)}`,
  ];
  if (op.anonymous) fields.push('anonymous: true');
  if (op.basePath !== undefined) fields.push(`basePath: ${JSON.stringify(op.basePath)}`);
  if (op.body) {
    fields.push(
      `request: { encoding: ${JSON.stringify(op.body.encoding)}, contentType: ${JSON.stringify(op.body.contentType)} }`,
    );
  }
  const checks: string[] = [];
  const add = (part: string, suffix: string, when: boolean) => {
    const name = `v${op.typeName}${suffix}`;
    if (when && validators.has(name)) checks.push(`${part}: v.${name}`);
  };
  add('path', 'Path', op.pathParams.length > 0);
  add('query', 'Query', hasQuery(op));
  add('headers', 'Headers', hasHeaders(op));
  add('body', 'Body', op.body?.encoding === 'json' || op.body?.encoding === 'form');
  if (checks.length) fields.push(`validate: { ${checks.join(', ')} }`);
  return `{ ${fields.join(', ')} }`;
}

function doc(op: Operation, extra: string[] = []): string[] {
  const lines = ['  /**'];
  if (op.summary) lines.push(`   * ${docText(op.summary)}`);
  if (op.description && !extra.length) {
    lines.push('   *');
    for (const l of docText(op.description).split('\n')) lines.push(`   * ${l}`.trimEnd());
  }
  for (const e of extra) lines.push('   *', `   * ${e}`);
  lines.push('   *', `   * @see ${op.method} ${op.path} (operationId \`${op.operationId}\`)`);
  if (op.deprecated) lines.push('   * @deprecated The server documents this operation as deprecated.');
  lines.push('   */');
  return lines;
}

function signature(op: Operation): { params: string; args: string } {
  const t = op.typeName;
  const params: string[] = [];
  const args: string[] = [];
  for (const p of op.pathParams) {
    params.push(`${camelCase(p.name)}: ${opRef(op)}['parameters']['path'][${JSON.stringify(p.name)}]`);
    args.push(camelCase(p.name));
  }
  if (op.body) {
    params.push(`body${op.body.required ? '' : '?'}: ${t}Body`);
    args.push('body');
  }
  params.push(paramsRequired(op) ? `params: ${t}Params` : `params: ${t}Params = {}`);
  return { params: params.join(', '), args: args.join(', ') };
}

function method(op: Operation): string[] {
  const t = op.typeName;
  const { params } = signature(op);
  const lines = [...doc(op)];
  lines.push(`  ${op.name}(${params}): Promise<${t}Result> {`);
  const picks = op.queryParams.map((q, i) => `${propertyKey(q.name)}: q${i}`);
  lines.push(`    const { ${[...picks, 'headers', '...options'].join(', ')} } = params;`);
  const input: string[] = [];
  if (op.pathParams.length) {
    input.push(
      `path: { ${op.pathParams.map((p) => `${propertyKey(p.name)}: ${camelCase(p.name)}`).join(', ')} }`,
    );
  }
  if (op.queryParams.length) {
    input.push(`query: { ${op.queryParams.map((q, i) => `${propertyKey(q.name)}: q${i}`).join(', ')} }`);
  }
  input.push('headers');
  if (op.body) input.push('body');
  lines.push(`    return this.#api.request<${t}Result>(OPS.${op.name}, { ${input.join(', ')} }, options);`);
  lines.push('  }', '');
  return lines;
}

function paginationMethods(op: Operation): string[] {
  const p = op.pagination!;
  const t = op.typeName;
  const { params, args } = signature(op);
  const lead = args ? `${args}, ` : '';
  const spec = `{ items: ${JSON.stringify(p.items)}, total: ${JSON.stringify(p.total)}, limit: ${JSON.stringify(p.limit)}, offset: ${JSON.stringify(p.offset)} }`;
  const lim = JSON.stringify(p.limit);
  const off = JSON.stringify(p.offset);
  const start = `{ offset: params[${off}], limit: params[${lim}] }`;
  const fetcher = `(offset: number, limit: number | undefined) => this.${op.name}Page(${lead}{ ...params, [${off}]: offset, [${lim}]: limit })`;
  return [
    ...doc(op, [
      `One page of \`${op.name}\` with \`hasMore\`, \`nextOffset\`, \`totalPages\` and \`currentPage\`.`,
    ]),
    `  async ${op.name}Page(${params}): Promise<Page<${t}Item>> {`,
    `    return Page.from<${t}Item>(await this.${op.name}(${lead}params), ${spec});`,
    '  }',
    '',
    ...doc(op, [
      `Every item of \`${op.name}\` from \`offset\` on, page by page (the next page is fetched while you work on this one).`,
    ]),
    `  ${op.name}Iter(${params}): AsyncGenerator<${t}Item, void, undefined> {`,
    `    return iterateItems(${fetcher}, ${start});`,
    '  }',
    '',
    ...doc(op, [`Every item of \`${op.name}\` from \`offset\` on, collected into one array.`]),
    `  ${op.name}All(${params}): Promise<${t}Item[]> {`,
    `    return collectItems(${fetcher}, ${start});`,
    '  }',
    '',
  ];
}

function resourceClass(resource: Resource): string[] {
  const lines: string[] = [];
  lines.push('/**');
  lines.push(` * ${docText(resource.description ?? `Operations tagged \`${resource.tag}\`.`)}`);
  lines.push(' */');
  lines.push(`export class ${resource.className} {`);
  lines.push('  readonly #api: ApiClient;', '');
  lines.push('  constructor(api: ApiClient) {');
  lines.push('    this.#api = api;');
  lines.push('  }', '');
  for (const op of resource.operations) {
    lines.push(...method(op));
    if (op.pagination) lines.push(...paginationMethods(op));
  }
  if (lines.at(-1) === '') lines.pop();
  lines.push('}', '');
  return lines;
}
