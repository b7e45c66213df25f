import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { requiredBump } from '../src/levels.ts';
import { diffSpecs } from '../src/spec-diff.ts';

const fixture = (name: string) =>
  parse(readFileSync(join(import.meta.dirname, 'fixtures', `${name}.yaml`), 'utf8'));
const base = fixture('base');

describe('spec diff classification', () => {
  it('finds nothing between a spec and itself', () => {
    const d = diffSpecs(base, fixture('base'));
    expect(d.level).toBeUndefined();
    expect([d.added, d.removed, d.changed, d.document]).toEqual([[], [], [], []]);
  });

  it('a removed response field is breaking, on every operation that returns it', () => {
    const d = diffSpecs(base, fixture('removed-field'));
    expect(d.level).toBe('breaking');
    expect(d.changed.map((o) => [o.operationId, o.level])).toEqual([
      ['createPet', 'breaking'],
      ['getPet', 'breaking'],
      ['listPets', 'breaking'],
    ]);
    expect(d.changed[1]!.changes[0]!.description).toContain('tag');
  });

  it('a new optional query parameter is additive', () => {
    const d = diffSpecs(base, fixture('optional-query'));
    expect(d.level).toBe('additive');
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]).toMatchObject({ operationId: 'listPets', level: 'additive' });
    expect(d.changed[0]!.changes[0]!.description).toContain('species');
  });

  it('a new required query parameter is breaking', () => {
    const after = fixture('optional-query');
    after.paths['/pets'].get.parameters[1].required = true;
    expect(diffSpecs(base, after).level).toBe('breaking');
  });

  it('edited descriptions are docs-only', () => {
    const d = diffSpecs(base, fixture('description-edit'));
    expect(d.level).toBe('docs-only');
    expect(d.changed.every((o) => o.level === 'docs-only')).toBe(true);
    expect(d.changed.map((o) => o.operationId)).toContain('listPets');
  });

  it('lists removed and added operations by operationId', () => {
    const d = diffSpecs(base, fixture('operation-swapped'));
    expect(d.removed.map((o) => o.operationId)).toEqual(['getPet']);
    expect(d.added).toEqual([{ operationId: 'deletePet', method: 'DELETE', path: '/pets/{pet_id}' }]);
    expect(d.level).toBe('breaking');
  });

  it('a first release (no spec before) adds every operation', () => {
    const d = diffSpecs(undefined, base);
    expect(d.added.map((o) => o.operationId)).toEqual(['createPet', 'getPet', 'listPets']);
    expect(d.level).toBe('additive');
  });

  it('a removed enum value is breaking, a new one in a response only additive', () => {
    const withEnum = structuredClone(base);
    withEnum.components.schemas.Pet.properties.tag.enum = ['cat', 'dog'];
    const fewer = structuredClone(withEnum);
    fewer.components.schemas.Pet.properties.tag.enum = ['cat'];
    expect(diffSpecs(withEnum, fewer).level).toBe('breaking');
    const more = structuredClone(withEnum);
    more.components.schemas.Pet.properties.tag.enum = ['cat', 'dog', 'fish'];
    expect(diffSpecs(withEnum, more).level).toBe('additive');
  });

  it('a changed success status is breaking', () => {
    const after = structuredClone(base);
    after.paths['/pets'].post.responses['200'] = after.paths['/pets'].post.responses['201'];
    delete after.paths['/pets'].post.responses['201'];
    const d = diffSpecs(base, after);
    expect(d.changed).toMatchObject([{ operationId: 'createPet', level: 'breaking' }]);
  });
});

describe('vendor extensions: the SDK surface, not the wire', () => {
  it('a renamed SDK method is breaking although the wire is unchanged', () => {
    const d = diffSpecs(base, fixture('method-renamed'));
    expect(d.level).toBe('breaking');
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]!.changes[0]!.description).toContain('`pets.get` → `pets.retrieve`');
  });

  it('an appended optional argument is additive; an unknown extension docs-only', () => {
    const d = diffSpecs(base, fixture('args-appended'));
    expect(d.changed).toHaveLength(1);
    const levels = d.changed[0]!.changes.map((c) => [c.level, c.description]);
    expect(levels).toEqual([
      ['additive', 'SDK surface: optional arguments appended (query.fields?)'],
      ['docs-only', 'vendor extension x-internal-note changed'],
    ]);
    expect(d.level).toBe('additive');
  });

  it('reordered positional arguments are breaking', () => {
    const before = fixture('args-appended');
    const after = fixture('args-appended');
    after.paths['/pets/{pet_id}'].get['x-sdk-args'] = ['query.fields?', 'pet_id'];
    expect(diffSpecs(before, after).level).toBe('breaking');
  });

  it('annotating an operation for the first time is additive; making it internal is breaking', () => {
    const bare = structuredClone(base);
    delete bare.paths['/pets'].get['x-fern-sdk-group-name'];
    delete bare.paths['/pets'].get['x-fern-sdk-method-name'];
    expect(diffSpecs(bare, base).level).toBe('additive');
    const internal = structuredClone(base);
    delete internal.paths['/pets'].get['x-fern-sdk-group-name'];
    delete internal.paths['/pets'].get['x-fern-sdk-method-name'];
    internal.paths['/pets'].get['x-sdk-internal'] = true;
    expect(diffSpecs(base, internal).changed[0]!.changes[0]).toEqual({
      level: 'breaking',
      description: 'SDK surface: `pets.list` → an internal operation',
    });
  });

  it('x-fern-property-name renames a field of the SDK types: breaking', () => {
    const after = structuredClone(base);
    after.components.schemas.PetCreate.properties.tag['x-fern-property-name'] = 'label';
    const d = diffSpecs(base, after);
    expect(d.changed).toMatchObject([{ operationId: 'createPet', level: 'breaking' }]);
    expect(d.changed[0]!.changes[0]!.description).toBe('SDK surface: property `tag` is `label` (was `tag`)');
    const same = structuredClone(base);
    same.components.schemas.PetCreate.properties.tag['x-fern-property-name'] = 'tag';
    expect(diffSpecs(base, same).level).toBeUndefined();
  });

  it('x-sdk-variants: a new variant method is additive, a removed one breaking', () => {
    const one = structuredClone(base);
    one.paths['/pets'].get['x-sdk-variants'] = [{ method: 'listCats', args: ['query.limit?'] }];
    expect(diffSpecs(base, one).changed[0]!.changes).toEqual([
      { level: 'additive', description: 'SDK surface: variant method `listCats` added' },
    ]);
    expect(diffSpecs(one, base).level).toBe('breaking');
  });

  it('document x-sdk: a renamed accessor is breaking, a group description docs-only', () => {
    const renamed = structuredClone(base);
    renamed['x-sdk'].groups.pets.accessor = 'animals';
    expect(diffSpecs(base, renamed).document).toEqual([
      { level: 'breaking', description: 'SDK surface: group `pets`: accessor "pets" → "animals"' },
    ]);
    const described = structuredClone(base);
    described['x-sdk'].groups.pets.description = 'Animals for sale.';
    expect(diffSpecs(base, described).level).toBe('docs-only');
  });
});

describe('bump convention', () => {
  it('while 0.x a breaking change is a minor bump, anything else a patch', () => {
    expect(requiredBump('breaking', '0.4.2')).toBe('minor');
    expect(requiredBump('additive', '0.4.2')).toBe('patch');
    expect(requiredBump('docs-only', '0.4.2')).toBe('patch');
    expect(requiredBump(undefined, '0.4.2')).toBe('none');
  });
  it('from 1.0: major, minor, patch', () => {
    expect(requiredBump('breaking', '1.2.0')).toBe('major');
    expect(requiredBump('additive', '1.2.0')).toBe('minor');
    expect(requiredBump('docs-only', '1.2.0')).toBe('patch');
  });
});
