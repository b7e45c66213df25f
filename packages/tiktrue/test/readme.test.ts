import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedSnippets, snippetFiles, syncReadme } from '../../../scripts/readme-snippets.ts';
import { operationIndex } from '../src/generated/operations.gen.js';

const packageRoot = join(import.meta.dirname, '..');

const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');

describe('README', () => {
  it('embeds every file of examples/snippets/ (which tsconfig type-checks), each exactly once', () => {
    const embedded = embeddedSnippets(readme).map((s) => s.file);
    expect([...embedded].sort()).toEqual(snippetFiles(packageRoot, 'examples/snippets'));
  });

  it('shows each snippet exactly as the type-checked file (fix: scripts/run readme)', () => {
    for (const { file, embedded } of embeddedSnippets(readme)) {
      expect(embedded, file).toBe(readFileSync(join(packageRoot, file), 'utf8'));
    }
    expect(syncReadme(packageRoot, readme)).toBe(readme);
  });

  it('uses no `using` declarations in snippets or examples (a SyntaxError on Node 22, which the package supports)', () => {
    const files = [
      ...snippetFiles(packageRoot, 'examples/snippets'),
      ...snippetFiles(packageRoot, 'examples'),
    ];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const source = readFileSync(join(packageRoot, file), 'utf8');
      expect(source, file).not.toMatch(/^\s*(?:export\s+)?(?:await\s+)?using\s+\w+\s*=/m);
    }
  });

  it("lists every guide-only operation of the spec's x-guide-only, with what to call instead", () => {
    const spec = readFileSync(join(packageRoot, '../../specs/tiktrue/openapi.yaml'), 'utf8');
    const guideOnly = [
      ...spec.matchAll(
        /- method: (\w+)\n\s+path: (\S+)\n\s+status: not-implemented\n\s+instead: \[([^\]]+)\]/g,
      ),
    ];
    expect(guideOnly).toHaveLength(5);
    const section = readme.slice(readme.indexOf('## Guide-only operations'));
    for (const [, method, path, instead] of guideOnly) {
      const row = section.split('\n').find((line) => line.includes(`\`${method} ${path}\``));
      expect(row, `${method} ${path}`).toBeDefined();
      for (const op of instead!.split(',').map((s) => s.trim()))
        expect(row, `${method} ${path}`).toContain(op);
    }
  });

  it('lists every public method under its group, and the client methods over internal operations', () => {
    const section = readme.slice(readme.indexOf('## Every operation'), readme.indexOf('## The guide'));
    for (const op of operationIndex) {
      if ('internal' in op) {
        expect(section, op.operationId).toContain(`(\`${op.operationId}\`)`);
        continue;
      }
      const row = section.split('\n').find((line) => line.startsWith(`| \`client.${op.group}\``));
      expect(row, op.group).toBeDefined();
      expect(row, op.operationId).toContain(`\`${op.method}\` (\`${op.operationId}\`)`);
    }
  });
});
