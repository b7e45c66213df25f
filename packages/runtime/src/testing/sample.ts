/**
 * Builds schema-valid sample values from the generated valibot schemas: required fields only,
 * one item per array, the first enum value, values shaped by field names (`email`, `name`, `*_id`…),
 * and deterministic ids so two runs produce the same data.
 */

// The shape of a valibot schema or pipe action, as far as sampling needs it.
interface Node {
  readonly type: string;
  readonly kind?: string;
  readonly entries?: Record<string, Node>;
  readonly item?: Node;
  readonly wrapped?: Node;
  readonly options?: readonly unknown[];
  readonly pipe?: readonly Node[];
  readonly requirement?: unknown;
  readonly literal?: unknown;
  readonly getter?: (input: unknown) => Node;
}

/** Counters that make every sampled id, name and email distinct and reproducible. */
export class SampleSequence {
  #n = 0;
  next(): number {
    this.#n += 1;
    return this.#n;
  }
}

const BASE_TIME = Date.UTC(2026, 0, 4, 18, 22, 10);

/** A sample value of `schema`. `key` is the property name the value is for (it shapes strings). */
export function sample(schema: unknown, seq = new SampleSequence(), key = ''): unknown {
  const node = schema as Node;
  switch (node.type) {
    case 'string':
      return sampleString(node, seq, key);
    case 'number':
      return sampleNumber(node, seq);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'void':
    case 'undefined':
      return undefined;
    case 'unknown':
    case 'any':
      return null;
    case 'literal':
      return node.literal;
    case 'picklist':
    case 'enum':
      return node.options?.[0];
    case 'nullable':
    case 'optional':
    case 'nullish':
    case 'non_nullable':
    case 'non_optional':
      return sample(node.wrapped, seq, key);
    case 'union':
      return sample(node.options?.[0], seq, key);
    case 'lazy':
      return sample(node.getter?.(undefined), seq, key);
    case 'array':
      return [sample(node.item, seq, singular(key))];
    case 'record':
      return {};
    case 'object':
    case 'strict_object':
    case 'loose_object':
    case 'object_with_rest': {
      const out: Record<string, unknown> = {};
      for (const [name, entry] of Object.entries(node.entries ?? {})) {
        if (entry.type === 'optional' || entry.type === 'nullish') continue;
        out[name] = sample(entry, seq, name);
      }
      return out;
    }
    default:
      throw new Error(`cannot sample a valibot '${node.type}' schema (${key || 'top level'})`);
  }
}

function actions(node: Node): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const action of node.pipe ?? [])
    if (action.kind !== 'schema') out.set(action.type, action.requirement ?? true);
  return out;
}

function sampleNumber(node: Node, seq: SampleSequence): number {
  const a = actions(node);
  const min = typeof a.get('min_value') === 'number' ? (a.get('min_value') as number) : 0;
  const max = typeof a.get('max_value') === 'number' ? (a.get('max_value') as number) : min + 100;
  const wanted = min + (seq.next() % (Math.min(max, min + 5) - min + 1));
  return Math.min(Math.max(wanted, min), max);
}

function sampleString(node: Node, seq: SampleSequence, key: string): string {
  const a = actions(node);
  const n = seq.next();
  if (a.has('uuid')) return uuidOf(n);
  if (a.has('iso_timestamp')) return new Date(BASE_TIME + n * 60_000).toISOString().replace('.000Z', 'Z');
  if (a.has('iso_date')) return new Date(BASE_TIME + n * 86_400_000).toISOString().slice(0, 10);
  if (a.has('url')) return `https://assets.example.com/${n}`;
  const min = typeof a.get('min_length') === 'number' ? (a.get('min_length') as number) : 0;
  const max =
    typeof a.get('max_length') === 'number' ? (a.get('max_length') as number) : Number.POSITIVE_INFINITY;
  const regex = a.get('regex') instanceof RegExp ? (a.get('regex') as RegExp) : undefined;
  for (const candidate of [textFor(key, n), `player${n}@example.com`, `sample ${n}`]) {
    const fitted = fit(candidate, min, max);
    if (!regex || regex.test(fitted)) return fitted;
  }
  throw new Error(`cannot sample a string for '${key}' matching ${regex}`);
}

function textFor(key: string, n: number): string {
  const k = key.toLowerCase();
  if (k.includes('email')) return `player${n}@example.com`;
  if (k.includes('url') || k === 'link') return `https://example.com/${n}`;
  if (k === 'api_key') return `vk_sample_${n.toString(36).padStart(8, '0')}`;
  const words = k.split('_').filter(Boolean);
  const label = words.length ? words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') : 'Sample';
  return `${label} ${n}`;
}

function fit(text: string, min: number, max: number): string {
  let out = text;
  while (out.length < min) out += ` ${text}`;
  return out.length > max ? out.slice(0, Math.max(max, min)) : out;
}

function singular(key: string): string {
  return key.endsWith('ies') ? `${key.slice(0, -3)}y` : key.replace(/s$/, '');
}

/** A well-formed, deterministic UUID (version 4 layout) numbered `n`. */
export function uuidOf(n: number): string {
  const hex = n.toString(16).padStart(12, '0').slice(-12);
  return `5a3e0c1d-7b2f-4c6a-9d8e-${hex}`;
}
