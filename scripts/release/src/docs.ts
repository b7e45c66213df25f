/**
 * Builds the API reference of every published package with TypeDoc: docs/api/<package dir>/, options
 * from docs/typedoc.json, entry points from the package's `exports` (./dist/x.js → src/x.ts), the
 * package README as the index page.
 *
 * Warnings are errors. "Every public export documented" is checked here rather than by TypeDoc's
 * `notDocumented` (which cannot tell generated code from hand-written code): every exported class,
 * interface, type alias, function, variable and enum of a hand-written file needs a doc comment; an
 * export of a generated file (`*.gen.ts`) without one is counted and reported, not failed — its comment
 * comes from the spec's summary/description, and the fix belongs in the spec, not in the docs build.
 * The block tags openapi-typescript writes (@description, @constant…) are accepted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  Application,
  type DeclarationReflection,
  OptionDefaults,
  ReflectionKind,
  type TypeDocOptions,
} from 'typedoc';

export interface DocsPackage {
  dir: string; // packages/<dir>
  name: string;
  entryPoints: string[]; // absolute src paths
}

type Exports = Record<string, string | { types?: string; default?: string; import?: string }>;

export function publishedPackages(root: string): DocsPackage[] {
  const out: DocsPackage[] = [];
  for (const dir of readdirSync(join(root, 'packages')).sort()) {
    const pj = join(root, 'packages', dir, 'package.json');
    if (!existsSync(pj)) continue;
    const pkg = JSON.parse(readFileSync(pj, 'utf8')) as {
      name: string;
      private?: boolean;
      exports?: Exports;
    };
    if (pkg.private) continue;
    const entryPoints: string[] = [];
    for (const [sub, target] of Object.entries(pkg.exports ?? {})) {
      if (sub === './package.json') continue;
      const js = typeof target === 'string' ? target : (target.default ?? target.import ?? target.types);
      if (!js?.startsWith('./dist/')) continue;
      const src = join(root, 'packages', dir, js.replace('./dist/', 'src/').replace(/\.d\.ts$|\.js$/, '.ts'));
      if (existsSync(src)) entryPoints.push(src);
      else throw new Error(`${pkg.name}: export ${sub} → ${js}, but ${src} does not exist`);
    }
    out.push({ dir, name: pkg.name, entryPoints });
  }
  return out;
}

const RUNTIME = '@sdkforge/runtime';
const RUNTIME_URL = 'https://www.npmjs.com/package/@sdkforge/runtime';

/** The names the runtime's entry points export (read from their export lists). */
function runtimeExports(root: string): Set<string> {
  const names = new Set<string>();
  for (const entry of ['index.ts', 'node.ts', 'testing.ts']) {
    const file = join(root, 'packages', 'runtime', 'src', entry);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g))
      for (const part of m[1]!.split(',')) {
        const name = part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)
          .pop()
          ?.trim();
        if (name) names.add(name);
      }
    for (const m of text.matchAll(
      /export\s+(?:declare\s+)?(?:abstract\s+)?(?:class|interface|type|function|const|enum)\s+(\w+)/g,
    ))
      names.add(m[1]!);
  }
  return names;
}

/** Tags openapi-typescript and hey-api put in generated comments. */
const GENERATED_TAGS = ['@description', '@constant', '@enum', '@format', '@pattern', '@minimum', '@maximum'];

const EXPORT_KINDS =
  ReflectionKind.Class |
  ReflectionKind.Interface |
  ReflectionKind.TypeAlias |
  ReflectionKind.Function |
  ReflectionKind.Variable |
  ReflectionKind.Enum;

export interface DocsResult {
  ok: boolean;
  warnings: number;
  undocumented: string[]; // hand-written exports without a doc comment
  generatedUndocumented: string[];
  exports: number;
}

function documented(r: DeclarationReflection): boolean {
  if (r.hasComment()) return true;
  if (r.signatures?.some((s) => s.hasComment())) return true;
  if (r.type?.type === 'reflection' && r.type.declaration.signatures?.some((s) => s.hasComment()))
    return true;
  return false;
}

export async function buildDocs(
  root: string,
  pkg: DocsPackage,
  outDir: string,
  config = join(root, 'docs', 'typedoc.json'),
): Promise<DocsResult> {
  const base = JSON.parse(readFileSync(config, 'utf8')) as TypeDocOptions;
  delete (base as { $schema?: string }).$schema;
  // docs/typedoc.<dir>.json, when present, adds options for one package (e.g. its intentionallyNotExported)
  const own = join(config, '..', `typedoc.${pkg.dir}.json`);
  if (existsSync(own)) Object.assign(base, JSON.parse(readFileSync(own, 'utf8')) as TypeDocOptions);
  const pkgDir = join(root, 'packages', pkg.dir);
  const app = await Application.bootstrapWithPlugins({
    ...base,
    blockTags: [...OptionDefaults.blockTags, ...GENERATED_TAGS] as `@${string}`[],
    name: pkg.name,
    entryPoints: pkg.entryPoints,
    entryPointStrategy: 'resolve',
    tsconfig: join(pkgDir, 'tsconfig.build.json'),
    readme: existsSync(join(pkgDir, 'README.md')) ? join(pkgDir, 'README.md') : 'none',
    out: outDir,
  });
  // A comment inherited from the runtime (e.g. ClientCore.call's {@link ClientClosedError}) is resolved
  // in the SDK's docs, where that name may not exist: link it to the runtime package instead.
  const runtimeNames = runtimeExports(root);
  app.converter.addUnknownSymbolResolver((ref, _refl, _part, symbolId) => {
    if (symbolId?.packageName === RUNTIME) return RUNTIME_URL;
    const name = ref.symbolReference?.path?.[0]?.path;
    if (!ref.moduleSource && pkg.name !== RUNTIME && name && runtimeNames.has(name)) return RUNTIME_URL;
    return undefined;
  });
  const result: DocsResult = {
    ok: false,
    warnings: 0,
    undocumented: [],
    generatedUndocumented: [],
    exports: 0,
  };
  const project = await app.convert();
  if (!project) return result;
  app.validate(project);
  const seen = new Set<number>();
  for (const r of project.getReflectionsByKind(EXPORT_KINDS) as DeclarationReflection[]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    result.exports++;
    if (documented(r)) continue;
    const file = r.sources?.[0]?.fullFileName ?? '';
    const where = `${r.getFriendlyFullName()} (${ReflectionKind.singularString(r.kind)}, ${relative(root, file)})`;
    (file.endsWith('.gen.ts') ? result.generatedUndocumented : result.undocumented).push(where);
  }
  for (const u of result.undocumented) app.logger.warn(`${u} is exported without a doc comment`);
  // the pages are written even when a warning fails the build, to look at
  await app.generateDocs(project, outDir);
  result.warnings = app.logger.warningCount;
  result.ok = !app.logger.hasErrors() && !app.logger.hasWarnings();
  return result;
}
