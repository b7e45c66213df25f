import { join } from 'node:path';
import { banner } from './banner.ts';
import type { Target } from './config.ts';
import { emitResources } from './emit/resources.ts';
import { emitSchema } from './emit/schema.ts';
import { emitValidators, exportedNames } from './emit/validators.ts';
import { lintSpec } from './lint.ts';
import { loadSpec } from './load.ts';
import { buildModel, serversBasePath } from './model.ts';

export interface GeneratedFile {
  path: string;
  content: string;
}

export interface GenerateOptions {
  /** Redocly config used for linting; no linting when absent. */
  lintConfig?: string;
}

/** Everything one spec generates, in memory. Throws when the spec fails lint or a convention. */
export async function generateTarget(
  target: Target,
  options: GenerateOptions = {},
): Promise<GeneratedFile[]> {
  const spec = loadSpec(target.spec);
  if (options.lintConfig) {
    const lint = lintSpec(target.spec, options.lintConfig);
    if (!lint.ok) throw new Error(`${target.specRelative} fails lint:\n${lint.report}`);
  }
  const resources = buildModel(spec.document, target.specRelative);
  const head = banner(target.specRelative, spec.sha256);
  const [schema, validators] = await Promise.all([emitSchema(spec.document), emitValidators(target.spec)]);
  const basePath = serversBasePath(spec.document.servers as { url: string }[] | undefined) ?? '';
  const resourcesText = emitResources(resources, exportedNames(validators), basePath);
  return [
    { path: join(target.out, 'schema.gen.ts'), content: `${head}\n${schema}` },
    { path: join(target.out, 'validators.gen.ts'), content: `${head}\n${validators}` },
    { path: join(target.out, 'resources.gen.ts'), content: `${head}\n${resourcesText}` },
  ];
}
