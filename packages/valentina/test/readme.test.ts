import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedSnippets, snippetFiles, syncReadme } from '../../../scripts/readme-snippets.ts';

const packageRoot = join(import.meta.dirname, '..');

const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
const seed = [
  'Features',
  'Requirements',
  'Installation',
  'Quick Start',
  '1. Create the Client (once at startup)',
  '2. Use Services from Any Module',
  'Configuration',
  'Basic Configuration',
  'Advanced Configuration with APIConfig',
  'Configuration Options',
  'Idempotency Keys',
  'Default Company ID',
  'Available Services',
  'Common Service Methods',
  'Common CRUD Operations',
  'Pagination',
  'PaginatedResponse Model',
  'Computed Properties',
  'Example paginated response usage',
  'Error Handling',
  'Exception Hierarchy',
  'Response Models',
  'Context Manager Usage',
  'Resources',
];

describe('README', () => {
  it("has every section of the Python client's README", () => {
    const headings = [...readme.matchAll(/^#{2,4} (.+)$/gm)].map((m) => m[1]);
    expect(seed.filter((s) => !headings.includes(s))).toEqual([]);
  });

  it('embeds every file of snippets/ (which tsconfig type-checks), each exactly once', () => {
    const embedded = embeddedSnippets(readme).map((s) => s.file);
    expect([...embedded].sort()).toEqual(snippetFiles(packageRoot, 'snippets'));
  });

  it('shows each snippet exactly as the type-checked file (fix: scripts/run readme)', () => {
    for (const { file, embedded } of embeddedSnippets(readme)) {
      expect(embedded, file).toBe(readFileSync(join(packageRoot, file), 'utf8'));
    }
    expect(syncReadme(packageRoot, readme)).toBe(readme);
  });

  it('lists every service factory the package exports', async () => {
    const exports = Object.keys(await import('../src/index.js')).filter((name) =>
      /^[a-z]\w*Service$/.test(name),
    );
    expect(exports.length).toBeGreaterThanOrEqual(18);
    for (const name of exports) expect(readme, name).toContain(`\`${name}(`);
  });
});
