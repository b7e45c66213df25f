import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { afterAll, expect, inject, it } from 'vitest';
import { SERVED_LOG_PATH, type ServedResponse } from './prism.ts';
import { deref, exampleOf, sampleFromSchema } from './samples.ts';
import type { Json } from './specs.ts';

export interface IndexedOperation {
  readonly operationId: string;
  readonly resource: string;
  readonly method: string;
  readonly http: string;
  readonly path: string;
  readonly download?: boolean;
}

export interface ContractTarget {
  api: string;
  document: Json;
  // biome-ignore lint/suspicious/noExplicitAny: resources are called dynamically by name.
  resources: Record<string, any>;
  operationIndex: readonly IndexedOperation[];
  /** The generated validators module (valibot schemas named v<Operation>Response). */
  validators: Record<string, unknown>;
  /** Arguments that the spec's examples cannot provide, by operationId. */
  // biome-ignore lint/suspicious/noExplicitAny: per-operation arguments.
  overrides?: Record<string, (args: CallArguments) => CallArguments | any>;
}

export interface CallArguments {
  path: unknown[];
  body: unknown;
  hasBody: boolean;
  params: Record<string, unknown>;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** Every operation of the spec (from the document itself, not the SDK). */
export function specOperations(document: Json): { operationId: string; http: string; path: string }[] {
  const out: { operationId: string; http: string; path: string }[] = [];
  for (const [path, item] of Object.entries<Json>(document.paths ?? {})) {
    for (const m of METHODS)
      if (item[m]) out.push({ operationId: item[m].operationId, http: m.toUpperCase(), path });
  }
  return out;
}

/** Builds the arguments for one operation from the spec: examples first, else values made from the schemas. */
export function argumentsFor(document: Json, op: IndexedOperation): CallArguments {
  const item = document.paths[op.path];
  const spec = item[op.http.toLowerCase()];
  const parameters: Json[] = [...(item.parameters ?? []), ...(spec.parameters ?? [])].map((p) =>
    deref(document, p),
  );
  const paramValue = (p: Json) => {
    const ex = exampleOf(document, p);
    return ex.found ? ex.value : sampleFromSchema(document, p.schema ?? {});
  };
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const path = names.map((name) => paramValue(parameters.find((p) => p.in === 'path' && p.name === name)));
  const params: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  for (const p of parameters) {
    if (!p.required) continue;
    if (p.in === 'query') params[p.name] = paramValue(p);
    if (p.in === 'header') headers[p.name] = String(paramValue(p));
  }
  if (Object.keys(headers).length) params.headers = headers;
  let body: unknown;
  const requestBody = spec.requestBody ? deref(document, spec.requestBody) : undefined;
  if (requestBody) {
    const [type, media] = Object.entries<Json>(requestBody.content)[0]!;
    const ex = exampleOf(document, media);
    body = ex.found ? ex.value : sampleFromSchema(document, media.schema ?? {});
    if (type === 'multipart/form-data') body = toMultipart(document, media, body);
  }
  return { path, body, hasBody: Boolean(requestBody), params };
}

function toMultipart(document: Json, media: Json, value: unknown): Record<string, unknown> {
  const schema = deref(document, media.schema ?? {});
  const out: Record<string, unknown> = { ...(value as object) };
  for (const [name, prop] of Object.entries<Json>(schema.properties ?? {})) {
    const p = deref(document, prop);
    if (p.contentMediaType || p.format === 'binary' || p.contentEncoding) {
      out[name] = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], {
        type: p.contentMediaType ?? 'application/octet-stream',
      });
    }
  }
  return out;
}

/**
 * Registers one test per operation: calls it through the generated SDK against the mock, fails when the
 * mock rejects the request, and checks the typed result against the generated response schema.
 * Prints `operations covered: N/M` for the spec when the file ends.
 */
export function defineContractSuite(target: () => ContractTarget) {
  const covered = new Set<string>();
  let total = 0;
  let api = '';

  const t0 = target();
  api = t0.api;
  const fromSpec = specOperations(t0.document);
  total = fromSpec.length;

  it('the SDK has one method for every operation of the spec', () => {
    const sdk = new Set(t0.operationIndex.map((o) => o.operationId));
    expect(fromSpec.filter((o) => !sdk.has(o.operationId)).map((o) => o.operationId)).toEqual([]);
  });

  for (const op of t0.operationIndex) {
    it(`${op.resource}.${op.method} (${op.http} ${op.path})`, async () => {
      const t = target();
      let args = argumentsFor(t.document, op);
      const override = t.overrides?.[op.operationId];
      if (override) args = override(args);
      const call = t.resources[op.resource][op.method] as (...a: unknown[]) => Promise<unknown>;
      const positional = [...args.path, ...(args.hasBody ? [args.body] : []), args.params];
      let result: unknown;
      try {
        result = await call.apply(t.resources[op.resource], positional);
      } catch (error) {
        const body = (error as { body?: unknown }).body;
        throw new Error(
          `${op.operationId}: ${(error as Error).message}${body ? `\n${JSON.stringify(body, null, 2)}` : ''}`,
        );
      }
      if (op.download) {
        const received = await bytesOf(result);
        const served = await lastServed(inject('mockUrls')[api] as string, op);
        expect(served.status, `${op.operationId}: status the mock served`).toBeLessThan(300);
        expect({ bytes: received.length, sha256: sha256(received) }).toEqual({
          bytes: served.bytes,
          sha256: served.sha256,
        });
        binary.push(received.length);
      } else {
        const schema = t.validators[`v${op.method[0]!.toUpperCase()}${op.method.slice(1)}Response`] as
          | v.GenericSchema
          | undefined;
        if (schema) {
          const parsed = v.safeParse(schema, result);
          if (!parsed.success) {
            throw new Error(
              `${op.operationId}: response does not match the spec: ${parsed.issues.map((i) => `${v.getDotPath(i)}: ${i.message}`).join('; ')}`,
            );
          }
        }
      }
      covered.add(op.operationId);
    });
  }

  const binary: number[] = [];
  afterAll(() => {
    console.log(`[contract] ${api}: operations covered: ${covered.size}/${total}`);
    if (binary.length) {
      console.log(
        `[contract] ${api}: binary operations byte-identical to what the mock served: ${binary.length} ` +
          `(${binary.reduce((n, b) => n + b, 0)} bytes)`,
      );
    }
  });
}

/** The bytes of a binary result: a Response, a Blob, raw bytes or a `{ filename, content }` file. */
export async function bytesOf(result: unknown): Promise<Buffer> {
  if (result instanceof Response) return Buffer.from(await result.arrayBuffer());
  if (result instanceof Blob) return Buffer.from(await result.arrayBuffer());
  if (result instanceof ArrayBuffer || ArrayBuffer.isView(result)) {
    return Buffer.from(
      result instanceof ArrayBuffer
        ? result
        : result.buffer.slice(result.byteOffset, result.byteOffset + result.byteLength),
    );
  }
  if (typeof result === 'object' && result !== null && 'content' in result) {
    return bytesOf((result as { content: unknown }).content);
  }
  throw new Error(`a binary operation returned ${Object.prototype.toString.call(result)}, not bytes`);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The newest response the mock's proxy served for this operation (method and path template). */
async function lastServed(mockUrl: string, op: IndexedOperation): Promise<ServedResponse> {
  const log = (await (await fetch(`${mockUrl}${SERVED_LOG_PATH}`)).json()) as ServedResponse[];
  const template = new RegExp(
    `${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
  );
  const served = log.findLast((r) => r.method === op.http && template.test(r.path.split('?')[0] as string));
  if (!served)
    throw new Error(`${op.operationId}: the mock's proxy served nothing for ${op.http} ${op.path}`);
  return served;
}
