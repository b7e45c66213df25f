import type { OpenApiDocument } from '../load.ts';

/** The TypeScript name of a `components.schemas` entry (non-identifier characters become `_`). */
export function modelName(key: string): string {
  const name = key.replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** models.gen.ts: one exported type alias per `components.schemas` entry. */
export function emitModels(doc: OpenApiDocument): string {
  const schemas = Object.entries((doc.components?.schemas ?? {}) as Record<string, { description?: string }>);
  const out = [`import type { components } from './schema.gen.js';`, ''];
  const seen = new Set<string>();
  for (const [key, schema] of schemas) {
    const name = modelName(key);
    if (seen.has(name)) continue;
    seen.add(name);
    const text =
      typeof schema?.description === 'string' ? schema.description.trim().split('\n')[0] : undefined;
    if (text) out.push(`/** ${text.replaceAll('*/', '*\\/')} */`);
    out.push(`export type ${name} = components['schemas'][${JSON.stringify(key)}];`);
  }
  if (!schemas.length) out.push('export {};');
  out.push('');
  return out.join('\n');
}
