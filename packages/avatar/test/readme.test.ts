import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedSnippets, snippetFiles, syncReadme } from '../../../scripts/readme-snippets.ts';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = embeddedSnippets(readme);

describe('README code is the type-checked snippet files', () => {
  it('embeds every snippet file of examples/snippets', () => {
    expect(blocks.map((b) => b.file).sort()).toEqual(snippetFiles(root, 'examples/snippets'));
  });

  it('has no other TypeScript block that could drift', () => {
    const fenced = [...readme.matchAll(/```ts\n/g)].length;
    expect(fenced).toBe(blocks.length);
  });

  it.each(blocks)('$file matches the README (fix: scripts/run readme)', ({ file, embedded }) => {
    expect(embedded).toBe(readFileSync(join(root, file), 'utf8'));
  });

  it('is what scripts/run readme would write', () => {
    expect(syncReadme(root, readme)).toBe(readme);
  });
});
