import type { Json } from './specs.ts';

/** Follows local `$ref`s. */
export function deref(doc: Json, node: Json): Json {
  let current = node;
  for (let i = 0; current && typeof current.$ref === 'string' && i < 20; i++) {
    current = current.$ref
      .slice(2)
      .split('/')
      .map((p: string) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((n: Json, k: string) => n?.[k], doc);
  }
  return current;
}

/** The first example given for a parameter, media type or schema, if any. */
export function exampleOf(doc: Json, node: Json): { found: boolean; value?: unknown } {
  const n = deref(doc, node);
  if (!n || typeof n !== 'object') return { found: false };
  if ('example' in n) return { found: true, value: n.example };
  if (n.examples && typeof n.examples === 'object') {
    if (Array.isArray(n.examples))
      return n.examples.length ? { found: true, value: n.examples[0] } : { found: false };
    const first = Object.values(n.examples)[0] as Json;
    if (first !== undefined) return { found: true, value: deref(doc, first)?.value };
  }
  return { found: false };
}

const FIXED_UUID = '3f1b7c2e-9a4d-4e8b-b6f0-2c5d8e7a1b90';

/** A value that satisfies the schema: its example when it has one, else one built from its constraints. */
export function sampleFromSchema(doc: Json, schemaNode: Json, depth = 0): unknown {
  const schema = deref(doc, schemaNode);
  if (!schema || depth > 12) return undefined;
  const ex = exampleOf(doc, schema);
  if (ex.found) return ex.value;
  if ('const' in schema) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum.find((v: unknown) => v !== null) ?? schema.enum[0];
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((s: Json) => sampleFromSchema(doc, s, depth + 1)));
  }
  for (const key of ['oneOf', 'anyOf']) {
    if (Array.isArray(schema[key])) {
      const pick = schema[key].find((s: Json) => deref(doc, s)?.type !== 'null') ?? schema[key][0];
      return sampleFromSchema(doc, pick, depth + 1);
    }
  }
  const type = Array.isArray(schema.type)
    ? (schema.type.find((t: string) => t !== 'null') ?? 'null')
    : schema.type;
  switch (type) {
    case 'object':
    case undefined: {
      if (!schema.properties && type === undefined) return 'sample';
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) {
        out[name] = sampleFromSchema(doc, schema.properties?.[name] ?? {}, depth + 1);
      }
      return out;
    }
    case 'array': {
      const n = Math.max(1, schema.minItems ?? 1);
      return Array.from({ length: n }, () => sampleFromSchema(doc, schema.items ?? {}, depth + 1));
    }
    case 'integer':
    case 'number': {
      const min =
        schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
      return min ?? Math.min(1, schema.maximum ?? 1);
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleString(schema);
  }
}

function sampleString(schema: Json): string {
  switch (schema.format) {
    case 'uuid':
      return FIXED_UUID;
    case 'date-time':
      return '2026-03-14T09:26:53Z';
    case 'date':
      return '2026-03-14';
    case 'email':
      return 'ada@example.org';
    case 'uri':
    case 'url':
      return 'https://example.org/resource';
    default:
      break;
  }
  if (
    schema.pattern === '^[a-fA-F0-9]{64}$' ||
    schema.pattern === '^[0-9a-fA-F]{64}$' ||
    schema.pattern === '^[a-f0-9]{64}$'
  ) {
    return 'a3f5c9e1'.repeat(8);
  }
  const len = Math.max(schema.minLength ?? 0, 6);
  return 'sample-text-value'.padEnd(len, 'x').slice(0, Math.min(len, schema.maxLength ?? len));
}
