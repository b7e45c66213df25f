import { describe, expect, it } from 'vitest';
import { overlap, prose, seedGrams } from '../src/seed-overlap.ts';

const seed = [
  'The client retries every request that failed with a server error, up to three times by default.',
  '',
  '```python',
  'client = Client(api_key="the key that unlocks every door of the house")',
  '```',
  '',
  '.. code-block:: python',
  '',
  '    client.get_users(limit=10, offset=0, include_archived=True)',
  '',
  'Use `client.close()` when you are done with the client.',
].join('\n');
const grams = seedGrams([seed]);

describe('seed overlap', () => {
  it('finds a shared run of eight words, case and punctuation aside, as it reads in the document', () => {
    const o = overlap('Note: the client RETRIES every request that failed, with a server error.', grams);
    expect(o.runs).toEqual(['the client RETRIES every request that failed, with a server error']);
    expect(o.sharedWords).toBe(11);
  });

  it('lets seven shared words pass', () => {
    expect(overlap('So the client retries every request that failed twice.', grams).runs).toEqual([]);
  });

  it('joins overlapping windows into one run and keeps separate runs apart', () => {
    const doc =
      'It retries every request that failed with a server error, up to three times. ' +
      'Unrelated words sit here between them. When you are done with the client call close.';
    expect(overlap(doc, grams).runs).toEqual([
      'retries every request that failed with a server error, up to three times',
    ]);
  });

  it('ignores code: fenced blocks, rst code blocks and inline code, in seeds and documents', () => {
    expect(overlap('the key that unlocks every door of the house', grams).runs).toEqual([]);
    expect(overlap('client get users limit 10 offset 0 include archived True', grams).runs).toEqual([]);
    const doc = 'Look: ```\nthe client retries every request that failed with a server error\n```';
    expect(overlap(doc, grams).runs).toEqual([]);
    expect(prose('a `the client retries every request that failed` b')).toBe('a   b');
  });

  it('identifiers do not hide a copied sentence: inline code drops out of both sides', () => {
    // the seed reads "Use `client.close()` when you are done with the client."
    expect(overlap('Use `dispose()` when you are done with the client.', grams).runs).toEqual([
      'Use when you are done with the client',
    ]);
    expect(overlap('Call `dispose()` once the client is no longer needed.', grams).runs).toEqual([]);
  });
});
