import { join } from 'node:path';
import { banner } from './banner.ts';
import type { Target } from './config.ts';
import { emitClient } from './emit/client.ts';
import { emitModels } from './emit/models.ts';
import { emitBasePath, emitOperations } from './emit/operations.ts';
import { emitPlans, plansFile } from './emit/plans.ts';
import { emitSchema } from './emit/schema.ts';
import { emitServices } from './emit/services.ts';
import { emitValidators, exportedNames } from './emit/validators.ts';
import { lintSpec } from './lint.ts';
import { loadSpec } from './load.ts';
import { serversBasePath } from './model.ts';
import { buildSurface } from './surface.ts';

export interface GeneratedFile {
  path: string;
  content: string;
}

export interface GenerateOptions {
  /** Redocly config used for linting; no linting when absent. */
  lintConfig?: string;
}

/**
 * Everything one spec generates, in memory: its types, validators and public surface (operations, models,
 * services, client). Throws when the spec fails lint, or when its surface extensions are missing or wrong.
 */
export async function generateTarget(
  target: Target,
  options: GenerateOptions = {},
): Promise<GeneratedFile[]> {
  const spec = loadSpec(target.spec);
  if (options.lintConfig) {
    const lint = lintSpec(target.spec, options.lintConfig);
    if (!lint.ok) throw new Error(`${target.specRelative} fails lint:\n${lint.report}`);
  }
  const doc = spec.document;
  const surface = buildSurface(doc, target.specRelative);
  const head = banner(target.specRelative, spec.sha256);
  const [schema, validators] = await Promise.all([emitSchema(doc), emitValidators(target.spec)]);
  const validatorNames = exportedNames(validators);
  const basePath = serversBasePath(doc.servers as { url: string }[] | undefined) ?? '';
  const file = (name: string, text: string) => ({
    path: join(target.out, name),
    content: `${head}\n${text}`,
  });
  return [
    file('schema.gen.ts', schema),
    file('validators.gen.ts', validators),
    file('base-path.gen.ts', emitBasePath(basePath)),
    file('operations.gen.ts', emitOperations(surface, validatorNames)),
    file('models.gen.ts', emitModels(doc)),
    file('services.gen.ts', emitServices(surface)),
    file('client.gen.ts', emitClient(surface)),
    ...surface.groups.map((g) => file(plansFile(g), emitPlans(g, validators, validatorNames))),
  ];
}
