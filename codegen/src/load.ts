import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string };
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  tags?: { name: string; description?: string }[];
  security?: unknown[];
  [key: string]: unknown;
};

export interface LoadedSpec {
  text: string;
  sha256: string;
  document: OpenApiDocument;
}

export function loadSpec(file: string): LoadedSpec {
  const text = readFileSync(file, 'utf8');
  const sha256 = createHash('sha256').update(text).digest('hex');
  const document = parse(text) as OpenApiDocument;
  if (!document || typeof document !== 'object' || !String(document.openapi ?? '').startsWith('3.1')) {
    throw new Error(`${file}: not an OpenAPI 3.1 document`);
  }
  return { text, sha256, document };
}

/** Follows a local `$ref` (`#/components/...`) until it reaches a value. */
export function deref<T = Record<string, unknown>>(doc: OpenApiDocument, value: unknown): T {
  let current = value as { $ref?: string } | undefined;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref cycle at ${current.$ref}`);
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc) as
      | { $ref?: string }
      | undefined;
    if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return current as T;
}
