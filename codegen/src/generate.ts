import { join } from 'node:path';
import { banner } from './banner.ts';
import type { Target } from './config.ts';
import { emitClient } from './emit/client.ts';
import { emitModels } from './emit/models.ts';
import { emitOperations } from './emit/operations.ts';
import { emitResources } from './emit/resources.ts';
import { emitSchema } from './emit/schema.ts';
import { emitServices } from './emit/services.ts';
import { emitValidators, exportedNames } from './emit/validators.ts';
import { lintSpec } from './lint.ts';
import { loadSpec } from './load.ts';
import { buildModel, hasSurface, serversBasePath } from './model.ts';
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
 * Everything one spec generates, in memory. Throws when the spec fails lint or a convention.
 * A spec with a top-level `x-sdk` gets its public surface (operations, models, services, client);
 * one without it gets the tag-grouped resources.gen.ts.
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
  const surface = hasSurface(doc) ? buildSurface(doc, target.specRelative) : undefined;
  const resources = surface ? undefined : buildModel(doc, target.specRelative);
  const head = banner(target.specRelative, spec.sha256);
  const [schema, validators] = await Promise.all([emitSchema(doc), emitValidators(target.spec)]);
  const basePath = serversBasePath(doc.servers as { url: string }[] | undefined) ?? '';
  const file = (name: string, text: string) => ({
    path: join(target.out, name),
    content: `${head}\n${text}`,
  });
  const files = [file('schema.gen.ts', schema), file('validators.gen.ts', validators)];
  if (surface) {
    files.push(
      file('operations.gen.ts', emitOperations(surface, exportedNames(validators), basePath)),
      file('models.gen.ts', emitModels(doc)),
      file('services.gen.ts', emitServices(surface)),
      file('client.gen.ts', emitClient(surface)),
    );
  } else {
    files.push(file('resources.gen.ts', emitResources(resources!, exportedNames(validators), basePath)));
  }
  return files;
}
