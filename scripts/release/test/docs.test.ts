/**
 * The docs build on a tiny package: a hand-written export without a doc comment fails it, a generated
 * one (*.gen.ts) is only reported, and entry points follow the package's exports.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocs, publishedPackages } from '../src/docs.ts';

const repo = join(import.meta.dirname, '..', '..', '..');
const root = mkdtempSync(join(tmpdir(), 'docs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}
cpSync(join(repo, 'docs', 'typedoc.json'), join(root, 'docs', 'typedoc.json'));
write(
  'packages/mini/package.json',
  JSON.stringify({
    name: '@example/mini',
    version: '1.0.0',
    exports: {
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './extra': { types: './dist/extra/index.d.ts', default: './dist/extra/index.js' },
      './package.json': './package.json',
    },
  }),
);
write('packages/private/package.json', JSON.stringify({ name: '@example/private', private: true }));
write(
  'packages/mini/tsconfig.build.json',
  JSON.stringify({
    compilerOptions: {
      target: 'ES2023',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      types: [],
    },
    include: ['src'],
  }),
);
write('packages/mini/README.md', '# mini\n\nA package for the docs test.\n');
write('packages/mini/src/extra/index.ts', '/** Something extra. */\nexport const extra = 1;\n');
write(
  'packages/mini/src/generated/models.gen.ts',
  '/** A documented model. */\nexport type Pet = { name: string };\nexport type Bare = { id: string };\n',
);
const index = (clientDoc: string) =>
  `export * from './generated/models.gen.js';\n${clientDoc}export class MiniClient {\n  /** Says hello. */\n  hello(): string {\n    return 'hi';\n  }\n}\n`;

write('packages/mini/src/index.ts', index(''));

describe('API reference build', () => {
  it('finds the published packages and their entry points from exports', () => {
    expect(publishedPackages(root)).toEqual([
      {
        dir: 'mini',
        name: '@example/mini',
        entryPoints: [
          join(root, 'packages/mini/src/index.ts'),
          join(root, 'packages/mini/src/extra/index.ts'),
        ],
      },
    ]);
  });

  it('fails on a hand-written export without a doc comment, and names it', async () => {
    const out = join(root, 'out-bad');
    const r = await buildDocs(root, publishedPackages(root)[0]!, out);
    expect(r.ok).toBe(false);
    expect(r.undocumented).toEqual(['index.MiniClient (Class, packages/mini/src/index.ts)']);
  });

  it('passes once it is documented; an undocumented generated export is reported, not failed', async () => {
    write('packages/mini/src/index.ts', index('/** The client of the mini API. */\n'));
    const out = join(root, 'out-good');
    const r = await buildDocs(root, publishedPackages(root)[0]!, out);
    expect(r.ok).toBe(true);
    expect(r.undocumented).toEqual([]);
    expect(r.generatedUndocumented).toEqual([
      'index.Bare (Type Alias, packages/mini/src/generated/models.gen.ts)',
    ]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('A package for the docs test.');
  });
});
