import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/<!-- snippet: (\S+) -->\n```ts\n([\s\S]*?)```\n<!-- \/snippet -->/g)].map(
  (m) => ({ file: m[1]!, code: m[2]! }),
);

describe('README code is the type-checked snippet files', () => {
  it('embeds every snippet file of examples/snippets', () => {
    const files = readdirSync(join(root, 'examples/snippets'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `examples/snippets/${f}`);
    expect(blocks.map((b) => b.file).sort()).toEqual(files.sort());
  });

  it('has no other TypeScript block that could drift', () => {
    const fenced = [...readme.matchAll(/```ts\n/g)].length;
    expect(fenced).toBe(blocks.length);
  });

  it.each(blocks)('$file matches the README', ({ file, code }) => {
    expect(code).toBe(readFileSync(join(root, file), 'utf8'));
  });
});
