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
    return readFileSync(join(dir, 'valibot.gen.ts'), 'utf8').replace(
      /^\/\/ This file is auto-generated.*\n\n?/,
      '',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The names exported by a validators.gen.ts text. */
export function exportedNames(validators: string): Set<string> {
  return new Set([...validators.matchAll(/^export const (\w+)/gm)].map((m) => m[1] as string));
}
