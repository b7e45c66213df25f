import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markPure } from '../src/emit/validators.ts';

describe('markPure (validators.gen.ts is tree-shakeable by esbuild)', () => {
  it('marks every valibot call, nested ones included, and nothing else', () => {
    const text =
      'export const vA = v.object({ id: v.pipe(v.string(), v.uuid()), n: foo.v.bar(), x: mv.y() });';
    expect(markPure(text)).toBe(
      'export const vA = /* @__PURE__ */ v.object({ id: /* @__PURE__ */ v.pipe(/* @__PURE__ */ v.string(), /* @__PURE__ */ v.uuid()), n: foo.v.bar(), x: mv.y() });',
    );
  });

  it.each(['valentina', 'avatar', 'tiktrue'])('%s: no valibot call is left unmarked', (api) => {
    const file = join(
      import.meta.dirname,
      '..',
      '..',
      'packages',
      api,
      'src',
      'generated',
      'validators.gen.ts',
    );
    const text = readFileSync(file, 'utf8');
    expect(text.match(/(?<!\/\* @__PURE__ \*\/ )(?<![\w.$])v\.\w+\(/g) ?? []).toEqual([]);
    expect(text).toContain('/* @__PURE__ */ v.');
  });
});
