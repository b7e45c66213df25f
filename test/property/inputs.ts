/**
 * Inputs for every operation of a spec, read from the spec itself (not from an SDK's methods): one valid
 * input, valid variants, and invalid inputs each breaking exactly one field in one way — missing when
 * required, the wrong type, out of bounds, not in the enum, too long or too short, a malformed UUID, email
 * or date, a broken pattern, or a field a closed object does not allow. The random parts (values, lengths)
 * are drawn with fast-check from a seed, so a run is replayable.
 */
import type { OperationDescriptor, RequestEncoding, RequestInput, ResponseDecoding } from '@sdkforge/runtime';
import fc from 'fast-check';
import type * as v from 'valibot';
import { deref, exampleOf, sampleFromSchema } from '../helpers/samples.ts';
import type { Json } from '../helpers/specs.ts';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

export interface SpecParameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required: boolean;
  schema: Json;
  example: { found: boolean; value?: unknown };
}

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  /** The operation's own server path, when it has `servers` of its own. */
  basePath: string | undefined;
  parameters: SpecParameter[];
  body:
    | { contentType: string; schema: Json; required: boolean; example: { found: boolean; value?: unknown } }
    | undefined;
  response: ResponseDecoding;
  /** The operation needs no credentials (`security: []`). */
  anonymous: boolean;
}

/** Every operation of the document, its parameters and body dereferenced. */
export function specOperations(doc: Json): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries<Json>(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map((p: Json) => deref(doc, p))
        .filter((p: Json) => p.in === 'path' || p.in === 'query' || p.in === 'header')
        .map(
          (p: Json): SpecParameter => ({
            in: p.in,
            name: p.name,
            required: p.in === 'path' || p.required === true,
            schema: deref(doc, p.schema ?? {}),
            example: exampleOf(doc, p),
          }),
        );
      let body: SpecOperation['body'];
      if (op.requestBody) {
        const requestBody = deref(doc, op.requestBody);
        const [contentType, media] = Object.entries<Json>(requestBody.content ?? {})[0] ?? [];
        if (contentType) {
          body = {
            contentType,
            schema: deref(doc, media.schema ?? {}),
            required: requestBody.required === true,
            example: exampleOf(doc, media),
          };
        }
      }
      const server = (op.servers ?? item.servers)?.[0]?.url as string | undefined;
      out.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        basePath: server === undefined ? undefined : new URL(server, 'http://x').pathname.replace(/\/+$/, ''),
        parameters,
        body,
        response: responseDecoding(doc, op),
        anonymous: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  return out;
}

function responseDecoding(doc: Json, op: Json): ResponseDecoding {
  const [, ok] =
    Object.entries<Json>(op.responses ?? {}).find(([status]) => /^2/.test(status)) ?? ([] as Json[]);
  const content = deref(doc, ok ?? {})?.content;
  if (!content) return 'empty';
  const type = Object.keys(content)[0] ?? '';
  if (/json/.test(type)) return 'json';
  if (/^text\//.test(type)) return 'text';
  return 'stream';
}

function encoding(contentType: string): RequestEncoding {
  if (/json/.test(contentType)) return 'json';
  if (contentType === 'multipart/form-data') return 'multipart';
  if (contentType === 'application/x-www-form-urlencoded') return 'form';
  if (/^text\//.test(contentType)) return 'text';
  return 'binary';
}

/** The runtime descriptor of an operation, with the generated validators of its input. */
export function descriptorOf(op: SpecOperation, validators: Record<string, unknown>): OperationDescriptor {
  const byName = new Map(Object.entries(validators).map(([k, val]) => [k.toLowerCase(), val]));
  const schema = (part: string) =>
    byName.get(`v${op.operationId}${part}`.toLowerCase()) as v.GenericSchema | undefined;
  const validate = {
    ...(schema('Path') ? { path: schema('Path') } : {}),
    ...(schema('Query') ? { query: schema('Query') } : {}),
    ...(schema('Headers') ? { headers: schema('Headers') } : {}),
    // As the generator does: a body is checked when it is JSON or a form (a multipart or text body's
    // schema describes its parts, not the File/string the caller passes).
    ...(schema('Body') && op.body && ['json', 'form'].includes(encoding(op.body.contentType))
      ? { body: schema('Body') }
      : {}),
  };
  return {
    id: op.operationId,
    method: op.method as OperationDescriptor['method'],
    path: op.path,
    ...(op.basePath !== undefined ? { basePath: op.basePath } : {}),
    anonymous: op.anonymous,
    response: op.response,
    ...(op.body
      ? { request: { encoding: encoding(op.body.contentType), contentType: op.body.contentType } }
      : {}),
    validate,
  };
}

// ---------------------------------------------------------------------------------------------------
// Valid inputs

/** An object schema's properties and required names, through allOf. */
function objectShape(
  doc: Json,
  node: Json,
): { properties: Record<string, Json>; required: string[]; closed: boolean } | undefined {
  const schema = deref(doc, node);
  if (!schema || typeof schema !== 'object') return undefined;
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((s: Json) => objectShape(doc, s));
    if (parts.some((p: unknown) => !p)) return undefined;
    return {
      properties: Object.assign({}, ...parts.map((p: Json) => p.properties)),
      required: parts.flatMap((p: Json) => p.required),
      closed: schema.additionalProperties === false || schema.unevaluatedProperties === false,
    };
  }
  if (schema.type !== 'object' && !schema.properties) return undefined;
  if (schema.oneOf || schema.anyOf) return undefined;
  return {
    properties: Object.fromEntries(
      Object.entries<Json>(schema.properties ?? {}).map(([k, p]) => [k, deref(doc, p)]),
    ),
    required: schema.required ?? [],
    closed: schema.additionalProperties === false || schema.unevaluatedProperties === false,
  };
}

const binaryField = (p: Json) => Boolean(p?.contentMediaType || p?.format === 'binary' || p?.contentEncoding);

function fileFor(p: Json): Blob {
  return new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], {
    type: p.contentMediaType ?? 'application/octet-stream',
  });
}

function bodyValue(doc: Json, op: SpecOperation): unknown {
  if (!op.body) return undefined;
  let value = op.body.example.found ? op.body.example.value : sampleFromSchema(doc, op.body.schema);
  if (op.body.contentType === 'multipart/form-data') {
    const shape = objectShape(doc, op.body.schema);
    const out: Record<string, unknown> = { ...(value as object) };
    for (const [name, p] of Object.entries(shape?.properties ?? {}))
      if (binaryField(p)) out[name] = fileFor(p);
    value = out;
  }
  if (encoding(op.body.contentType) === 'binary') value = new Uint8Array([1, 2, 3, 4]);
  if (encoding(op.body.contentType) === 'text' && typeof value !== 'string') value = String(value ?? 'text');
  return value;
}

function paramValue(doc: Json, p: SpecParameter): unknown {
  return p.example.found ? p.example.value : sampleFromSchema(doc, p.schema);
}

/** One input the spec calls valid: every required parameter and the body, from examples or the schemas. */
export function validInput(doc: Json, op: SpecOperation): RequestInput {
  const input: {
    path: Record<string, unknown>;
    query: Record<string, unknown>;
    headers: Record<string, string>;
    body?: unknown;
  } = {
    path: {},
    query: {},
    headers: {},
  };
  for (const p of op.parameters) {
    if (!p.required) continue;
    const value = paramValue(doc, p);
    if (p.in === 'header') input.headers[p.name] = String(value);
    else input[p.in][p.name] = value;
  }
  if (op.body) input.body = bodyValue(doc, op);
  return input;
}

/** A valid value drawn at random within a schema's constraints (`undefined` when not sure it is valid). */
function drawValid(doc: Json, schema: Json): fc.Arbitrary<unknown> | undefined {
  const s = deref(doc, schema);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum.filter((e: unknown) => e !== null));
  const type = Array.isArray(s.type) ? s.type.filter((t: string) => t !== 'null') : [s.type];
  if (type.length !== 1) return undefined;
  switch (type[0]) {
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : min + 1000);
      return fc.integer({ min, max });
    }
    case 'boolean':
      return fc.boolean();
    case 'string': {
      if (s.format || s.pattern) return undefined;
      const minLength = s.minLength ?? 0;
      const maxLength = Math.min(s.maxLength ?? minLength + 40, minLength + 40);
      return fc.string({
        unit: 'grapheme-ascii',
        minLength: Math.max(minLength, 1),
        maxLength: Math.max(maxLength, 1),
      });
    }
    default:
      return undefined;
  }
}

/**
 * Valid variants: the base input with each optional query parameter the spec constrains simply (enum,
 * integer range, boolean, plain string) set to a random valid value.
 */
export function validVariants(doc: Json, op: SpecOperation, rng: Rng): RequestInput[] {
  const base = validInput(doc, op);
  const out: RequestInput[] = [base];
  for (const p of op.parameters) {
    if (p.required || p.in !== 'query') continue;
    const arb = drawValid(doc, p.schema);
    if (!arb) continue;
    out.push({ ...base, query: { ...base.query, [p.name]: rng.draw(arb) } });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Invalid inputs

export interface BadInput {
  /** What was broken, e.g. `query.limit above maximum 100`. */
  label: string;
  /** The field the RequestValidationError must name (`body.email`, `headers.On-Behalf-Of`, …). */
  field: string;
  input: RequestInput;
}

/** Draws values from fast-check arbitraries: the n-th draw of a run uses seed + n, so a run replays. */
export class Rng {
  #n = 0;
  constructor(readonly seed: number) {}
  draw<T>(arb: fc.Arbitrary<T>): T {
    return fc.sample(arb, { seed: (this.seed + this.#n++) | 0, numRuns: 1 })[0] as T;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ways one field of this schema can be wrong, each with a value drawn for it. */
function breakages(
  doc: Json,
  schema: Json,
  rng: Rng,
  where: 'path' | 'query' | 'header' | 'body',
): [string, unknown][] {
  const s = deref(doc, schema);
  if (!s || typeof s !== 'object' || s.oneOf || s.anyOf || s.allOf) return [];
  const out: [string, unknown][] = [];
  const types: string[] = (Array.isArray(s.type) ? s.type : [s.type]).filter((t: unknown) => t !== undefined);
  const nullable = types.includes('null');
  const type = types.filter((t) => t !== 'null');
  if (type.length !== 1) return [];
  const t = type[0];
  // Wrong type (header values are always strings on the wire: only their content can be wrong).
  if (where !== 'header') {
    if (t === 'string') out.push(['a number instead of a string', rng.draw(fc.integer())]);
    if (t === 'integer' || t === 'number') {
      out.push(['a string instead of a number', rng.draw(fc.string({ minLength: 1 }).map((x) => `${x}!`))]);
    }
    if (t === 'integer')
      out.push(['a fraction instead of an integer', rng.draw(fc.integer({ min: -1000, max: 1000 })) + 0.5]);
    if (t === 'boolean')
      out.push(['a string instead of a boolean', rng.draw(fc.constantFrom('yes', 'no', 'on', '1'))]);
    if (t === 'array') out.push(['a string instead of an array', rng.draw(fc.string({ minLength: 1 }))]);
    if (t === 'object') out.push(['a number instead of an object', rng.draw(fc.integer())]);
    if (!nullable && where === 'body') out.push(['null where null is not allowed', null]);
  }
  if (t === 'integer' || t === 'number') {
    if (s.minimum !== undefined)
      out.push([`below minimum ${s.minimum}`, s.minimum - rng.draw(fc.integer({ min: 1, max: 1000 }))]);
    if (s.exclusiveMinimum !== undefined)
      out.push([`at exclusive minimum ${s.exclusiveMinimum}`, s.exclusiveMinimum]);
    if (s.maximum !== undefined)
      out.push([`above maximum ${s.maximum}`, s.maximum + rng.draw(fc.integer({ min: 1, max: 1000 }))]);
    if (s.exclusiveMaximum !== undefined)
      out.push([`at exclusive maximum ${s.exclusiveMaximum}`, s.exclusiveMaximum]);
  }
  if (t === 'string') {
    if (Array.isArray(s.enum)) {
      out.push([
        'not in the enum',
        rng.draw(fc.string({ minLength: 1, maxLength: 12 }).filter((x) => !s.enum.includes(x))),
      ]);
    } else if (s.format === 'uuid') {
      const malformed = fc
        .tuple(fc.uuid(), fc.nat(35), fc.constantFrom('drop', 'g', 'braces', 'short'))
        .map(([id, i, how]) =>
          how === 'drop'
            ? id.slice(0, i) + id.slice(i + 1)
            : how === 'g'
              ? `${id.slice(0, i)}g${id.slice(i + 1)}`
              : how === 'braces'
                ? `{${id}}`
                : id.slice(0, 8),
        )
        .filter((x) => !UUID.test(x));
      out.push(['a malformed UUID', rng.draw(malformed)]);
    } else if (s.format === 'email') {
      out.push([
        'a malformed email',
        rng.draw(fc.string({ minLength: 1, maxLength: 20 }).filter((x) => !x.includes('@'))),
      ]);
    } else if (s.format === 'date-time') {
      out.push([
        'a malformed date-time',
        rng.draw(fc.constantFrom('2026-13-45T99:00:00Z', 'yesterday', '14/03/2026 09:26')),
      ]);
    } else if (s.format === 'date') {
      out.push(['a malformed date', rng.draw(fc.constantFrom('2026-02-30x', '14/03/2026', 'tomorrow'))]);
    } else if (s.pattern) {
      const re = new RegExp(s.pattern, 'u');
      const miss = rng.draw(
        fc
          .string({ minLength: 1, maxLength: 16 })
          .map((x) => `${x} \u00df`)
          .filter((x) => !re.test(x)),
      );
      out.push([`not matching ${s.pattern}`, miss]);
    }
    if (s.maxLength !== undefined) {
      const length = s.maxLength + rng.draw(fc.integer({ min: 1, max: 64 }));
      out.push([`longer than maxLength ${s.maxLength}`, oversize(s, length)]);
    }
    if (s.minLength !== undefined && s.minLength > 0)
      out.push([`shorter than minLength ${s.minLength}`, 'x'.repeat(s.minLength - 1)]);
  }
  if (t === 'array') {
    if (s.maxItems !== undefined) {
      const item = sampleFromSchema(doc, s.items ?? {});
      out.push([`more than maxItems ${s.maxItems}`, Array.from({ length: s.maxItems + 1 }, () => item)]);
    }
    if (s.minItems !== undefined && s.minItems > 0) out.push([`fewer than minItems ${s.minItems}`, []]);
  }
  return out;
}

/** A string of `length` characters that is otherwise valid for its schema where that is easy to keep. */
function oversize(s: Json, length: number): string {
  if (s.format === 'email') return `${'a'.repeat(Math.max(1, length - 12))}@example.org`;
  return 'x'.repeat(length);
}

/** Invalid inputs for one operation: each breaks one field of the valid input in one way. */
export function badInputs(doc: Json, op: SpecOperation, rng: Rng): BadInput[] {
  const base = validInput(doc, op);
  const out: BadInput[] = [];
  const part = { path: 'path', query: 'query', header: 'headers' } as const;
  for (const p of op.parameters) {
    const key = part[p.in];
    const field = `${key}.${p.name}`;
    const without = () => {
      const copy = { ...(base[key] as Record<string, unknown>) };
      delete copy[p.name];
      return copy;
    };
    if (p.required) out.push({ label: `${field} missing`, field, input: { ...base, [key]: without() } });
    for (const [label, value] of breakages(doc, p.schema, rng, p.in)) {
      const v2 = p.in === 'header' ? String(value) : value;
      out.push({
        label: `${field} ${label}`,
        field,
        input: { ...base, [key]: { ...without(), [p.name]: v2 } },
      });
    }
  }
  if (op.body && encoding(op.body.contentType) === 'json') {
    const shape = objectShape(doc, op.body.schema);
    const body = base.body as Record<string, unknown>;
    if (shape && body && typeof body === 'object' && !Array.isArray(body)) {
      out.push({
        label: 'body not an object',
        field: 'body',
        input: { ...base, body: rng.draw(fc.oneof(fc.string(), fc.integer())) },
      });
      for (const name of shape.required) {
        const { [name]: _, ...rest } = body;
        out.push({ label: `body.${name} missing`, field: `body.${name}`, input: { ...base, body: rest } });
      }
      for (const [name, p] of Object.entries(shape.properties)) {
        if (p.readOnly) continue;
        for (const [label, value] of breakages(doc, p, rng, 'body')) {
          out.push({
            label: `body.${name} ${label}`,
            field: `body.${name}`,
            input: { ...base, body: { ...body, [name]: value } },
          });
        }
      }
      if (shape.closed) {
        const extra = rng.draw(
          fc
            .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 })
            .map((x) => `x_${x.replace(/[^A-Za-z0-9]/g, '_')}`)
            .filter((x) => !(x in shape.properties)),
        );
        out.push({
          label: `body.${extra} not allowed (closed schema)`,
          field: `body.${extra}`,
          input: { ...base, body: { ...body, [extra]: 1 } },
        });
      }
    }
  }
  return out;
}
