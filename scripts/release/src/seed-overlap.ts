/**
 * The prose a document shares with the seed documents: every run of N or more consecutive words
 * (default 8) that also occurs in a seed, fenced code blocks, reStructuredText code blocks and inline
 * code aside. A TypeScript port of ../shared/tools/seed-overlap.py (same tokens, same runs).
 */

const WORD = /[A-Za-z0-9]+/g;

/** Drops what is code rather than prose: fenced blocks, `.. code-block::` blocks, inline code. */
export function prose(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/^(\.\. code-block::[\s\S]*?)(?=^\S)/gm, ' ')
    .replace(/`[^`\n]*`/g, ' ');
}

/** Every N-word sequence (lower-cased, joined by spaces) of the seeds' prose. */
export function seedGrams(seeds: string[], n = 8): Set<string> {
  const grams = new Set<string>();
  for (const seed of seeds) {
    const words = (prose(seed).match(WORD) ?? []).map((w) => w.toLowerCase());
    for (let i = 0; i + n <= words.length; i++) grams.add(words.slice(i, i + n).join(' '));
  }
  return grams;
}

export interface Overlap {
  runs: string[];
  sharedWords: number;
  totalWords: number;
}

/** The runs of `n`+ words of `doc` found in the seeds, as they read in the document. */
export function overlap(doc: string, grams: Set<string>, n = 8): Overlap {
  const text = prose(doc);
  const tokens = [...text.matchAll(WORD)];
  const lower = tokens.map((t) => t[0].toLowerCase());
  const covered = new Array<boolean>(tokens.length).fill(false);
  for (let i = 0; i + n <= tokens.length; i++)
    if (grams.has(lower.slice(i, i + n).join(' '))) covered.fill(true, i, i + n);
  const runs: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!covered[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && covered[j]) j++;
    const start = tokens[i]!.index!;
    const end = tokens[j - 1]!.index! + tokens[j - 1]![0].length;
    runs.push(text.slice(start, end).split(/\s+/).filter(Boolean).join(' '));
    i = j;
  }
  return { runs, sharedWords: covered.filter(Boolean).length, totalWords: tokens.length };
}
