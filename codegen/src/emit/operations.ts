import type { Operation } from '../model.ts';
import { propertyKey } from '../names.ts';
import type { Surface } from '../surface.ts';

/**
 * base-path.gen.ts: the API's base path on its server (the path of the spec's first server URL), on its own
 * so a client importing it does not tie operations.gen.ts (every descriptor and validator) to its bundle.
 */
export function emitBasePath(basePath: string): string {
  return [
    "/** The API's base path on its server (the path of the spec's first server URL). */",
    `export const API_BASE_PATH = ${JSON.stringify(basePath)};`,
    '',
  ].join('\n');
}

/**
 * operations.gen.ts: the API's base path (re-exported), one descriptor per operation (`OPERATIONS`, keyed by
 * operationId), each operation's types, the security schemes and requirements, and `operationIndex`.
 */
export function emitOperations(surface: Surface, validatorNames: Set<string>): string {
  const ops = surface.operations;
  const out: string[] = [];
  const runtime = ['OperationDescriptor'];
  if (ops.some((o) => o.body?.encoding === 'multipart')) runtime.push('MultipartBody');
  if (ops.some((o) => o.body?.encoding === 'binary')) runtime.push('BinaryBody');
  out.push(`import type { ${runtime.join(', ')} } from '@sdkforge/runtime';`);
  out.push(`import type { operations } from './schema.gen.js';`);
  out.push(`import * as v from './validators.gen.js';`, '');
  out.push(`export { API_BASE_PATH } from './base-path.gen.js';`, '');
  for (const op of ops) out.push(...operationTypes(op));

  out.push('/** What the runtime needs to know about each operation, by operationId. */');
  out.push('export const OPERATIONS = {');
  for (const op of ops) out.push(`  ${propertyKey(op.operationId)}: ${descriptor(op, validatorNames)},`);
  out.push('} as const satisfies Record<string, OperationDescriptor>;', '');
  out.push('/** An operationId of this API. */');
  out.push('export type OperationId = keyof typeof OPERATIONS;', '');

  out.push("/** The spec's security schemes (`components.securitySchemes`, descriptions left out). */");
  out.push(`export const SECURITY_SCHEMES = ${JSON.stringify(surface.securitySchemes)} as const;`, '');
  out.push('/**');
  out.push(
    " * Each operation's security requirements (its own, else the document's): `[]` sends no credentials,",
  );
  out.push(' * an entry `{}` makes credentials optional (sent when the client has them).');
  out.push(' */');
  out.push(
    'export const OPERATION_SECURITY: Readonly<Record<OperationId, readonly Readonly<Record<string, readonly string[]>>[]>> = {',
  );
  for (const op of ops) out.push(`  ${propertyKey(op.operationId)}: ${JSON.stringify(op.security ?? [])},`);
  out.push('};', '');

  out.push('/** Every operation: where it lives on the public surface and on the wire. */');
  out.push('export const operationIndex = [');
  for (const op of ops) {
    const place = surface.placement.get(op.operationId);
    const fields = [`operationId: ${JSON.stringify(op.operationId)}`];
    if (place) {
      fields.push(
        `group: ${JSON.stringify(place.group.key)}`,
        `method: ${JSON.stringify(place.method.name)}`,
      );
    } else {
      fields.push('internal: true');
    }
    fields.push(`http: ${JSON.stringify(op.method)}`, `path: ${JSON.stringify(op.path)}`);
    if (op.pagination) fields.push('paginated: true');
    if (op.success.decoding === 'stream') fields.push('download: true');
    out.push(`  { ${fields.join(', ')} },`);
  }
  out.push('] as const;', '');
  return out.join('\n');
}

export function opRef(op: Operation): string {
  return `operations[${JSON.stringify(op.operationId)}]`;
}

function operationTypes(op: Operation): string[] {
  const t = op.typeName;
  const lines: string[] = [];
  if (op.pathParams.length) lines.push(`export type ${t}Path = ${opRef(op)}['parameters']['path'];`);
  if (op.queryParams.length)
    lines.push(`export type ${t}Query = NonNullable<${opRef(op)}['parameters']['query']>;`);
  if (op.headerParams.length) {
    lines.push(`export type ${t}Headers = NonNullable<${opRef(op)}['parameters']['header']>;`);
  }
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

/** A descriptor's `id` is the operationId as the spec writes it: the key of OPERATIONS, OPERATION_SECURITY and
 * operationIndex, so a policy can look up `context.operationId` in any of them. */
export function descriptor(op: Operation, validators: Set<string>, prefix = 'v.'): string {
  const fields = [
    `id: ${JSON.stringify(op.operationId)}`,
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
    if (when && validators.has(name)) checks.push(`${part}: ${prefix}${name}`);
  };
  add('path', 'Path', op.pathParams.length > 0);
  add('query', 'Query', op.queryParams.length > 0);
  add('headers', 'Headers', op.headerParams.length > 0);
  add('body', 'Body', op.body?.encoding === 'json' || op.body?.encoding === 'form');
  if (checks.length) fields.push(`validate: { ${checks.join(', ')} }`);
  return `{ ${fields.join(', ')} }`;
}
