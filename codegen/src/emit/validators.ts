import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@hey-api/openapi-ts';

/** validators.gen.ts: valibot schemas for every model and operation input, from @hey-api/openapi-ts. */
export async function emitValidators(specFile: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sdkforge-valibot-'));
  try {
    await createClient({
      input: specFile,
      output: { path: dir },
      plugins: ['valibot'],
      logs: { level: 'silent' },
    } as never);
    return markPure(
      readFileSync(join(dir, 'valibot.gen.ts'), 'utf8').replace(
        /^\/\/ This file is auto-generated.*\n\n?/,
        '',
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Marks every valibot call `/* @__PURE__ *\/`: schema builders have no side effects, but a bundler cannot know
 * that, so without the mark esbuild keeps every schema of the file (response models included) in a bundle that
 * uses a few of them. With it, one Valentina call bundled by esbuild for the browser is 3.7 kB (gzip) smaller.
 */
export function markPure(validators: string): string {
  return validators.replace(/(?<![\w.$])v\.(\w+)\(/g, '/* @__PURE__ */ v.$1(');
}

/** The names exported by a validators.gen.ts text. */
export function exportedNames(validators: string): Set<string> {
  return new Set([...validators.matchAll(/^export const (\w+)/gm)].map((m) => m[1] as string));
}
