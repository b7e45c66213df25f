/**
 * The README embeds every file of `snippets/` (type-checked by tsconfig.json) after a marker:
 *
 *     <!-- snippet: snippets/login.ts -->
 *     ```ts
 *     …the file's content…
 *     ```
 *
 * `node scripts/readme-snippets.ts` rewrites the fenced blocks from the files; `test/readme.test.ts`
 * fails when they disagree.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const packageRoot = join(import.meta.dirname, '..');
const MARKER = /<!-- snippet: (snippets\/[\w.-]+\.ts) -->\n```ts\n([\s\S]*?)```\n/g;

export interface EmbeddedSnippet {
  file: string;
  embedded: string;
}

/** Every snippet embedded in the README, in order. */
export function embeddedSnippets(readme: string): EmbeddedSnippet[] {
  return [...readme.matchAll(MARKER)].map((m) => ({ file: m[1]!, embedded: m[2]! }));
}

/** Every file of `snippets/`, as `snippets/<name>.ts`. */
export function snippetFiles(): string[] {
  return readdirSync(join(packageRoot, 'snippets'))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => `snippets/${f}`);
}

/** The README with every embedded block replaced by its file's content. */
export function syncReadme(readme: string): string {
  return readme.replace(MARKER, (_, file: string) => {
    const content = readFileSync(join(packageRoot, file), 'utf8');
    return `<!-- snippet: ${file} -->\n\`\`\`ts\n${content.endsWith('\n') ? content : `${content}\n`}\`\`\`\n`;
  });
}

if (import.meta.main) {
  const path = join(packageRoot, 'README.md');
  const before = readFileSync(path, 'utf8');
  const after = syncReadme(before);
  if (after !== before) writeFileSync(path, after);
  console.log(after === before ? 'README snippets already up to date' : 'README snippets updated');
}
