/**
 * Builds a throw-away SDK package from a spec: generates its src/generated into a temp directory whose
 * node_modules point at this workspace's runtime, so the generated code can be type-checked with the
 * TypeScript compiler and imported by the test (vitest compiles the .ts files).
 */
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { generateTarget } from '../../src/generate.ts';

const runtimeDir = join(import.meta.dirname, '..', '..', '..', 'packages', 'runtime');

export interface TempSdk {
  root: string;
  /** Absolute path of a file under src/. */
  src(relative: string): string;
}

/** Generates `spec` into `<tmp>/src/generated` and writes `extra` files (relative to src/). */
export async function tempSdk(spec: string, extra: Record<string, string> = {}): Promise<TempSdk> {
  const root = mkdtempSync(join(tmpdir(), 'sdkforge-surface-'));
  const src = (relative: string) => join(root, 'src', relative);
  const files = await generateTarget({
    name: 'temp',
    spec,
    specRelative: 'temp/openapi.yaml',
    out: src('generated'),
  });
  for (const file of files) write(file.path, file.content);
  for (const [name, text] of Object.entries(extra)) write(src(name), text);
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }');
  mkdirSync(join(root, 'node_modules', '@sdkforge'), { recursive: true });
  symlinkSync(runtimeDir, join(root, 'node_modules', '@sdkforge', 'runtime'), 'dir');
  symlinkSync(
    realpathSync(join(runtimeDir, 'node_modules', 'valibot')),
    join(root, 'node_modules', 'valibot'),
    'dir',
  );
  return { root, src };
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Type-checks files as a strict consumer would (strict, exactOptionalPropertyTypes); returns the errors. */
export function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2023,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts', 'lib.esnext.disposable.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitOverride: true,
    verbatimModuleSyntax: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return text;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}:${line + 1}: ${text}`;
  });
}
