/**
 * Factories for every model of the API (the Python client's `CampaignFactory.build(name=…)`):
 * `factories.Campaign.build({ name: 'Chicago by Night' })`, `factories.Note.batch(3)`.
 * Values are schema-valid and deterministic; overrides are applied as given.
 */

import type { components } from '../generated/schema.gen.js';
import * as validators from '../generated/validators.gen.js';
import { SampleSequence, sample } from './sample.js';

type Schemas = components['schemas'];

export interface Factory<T> {
  /** One instance, with `overrides` applied on top of the sampled fields. */
  build(overrides?: Partial<T>): T;
  /** `count` instances, each with `overrides` applied. */
  batch(count: number, overrides?: Partial<T>): T[];
}

/** One factory per schema of the API, by its spec name (`factories.Company`, `factories.Character`…). */
export type Factories = { readonly [K in keyof Schemas]: Factory<Schemas[K]> };

const byLowerName = new Map<string, unknown>(
  Object.entries(validators).map(([name, schema]) => [name.toLowerCase(), schema] as const),
);

/** The generated valibot schema of a model (`Company` → `vCompany`). */
export function schemaOf(model: string): unknown {
  const schema = byLowerName.get(`v${model}`.toLowerCase());
  if (!schema) throw new Error(`no model named ${model}`);
  return schema;
}

/** Factories that share one id sequence (a fake client has its own, so its data never collides). */
export function createFactories(seq = new SampleSequence()): Factories {
  const cache = new Map<string, Factory<unknown>>();
  return new Proxy({} as Factories, {
    get(_, name) {
      if (typeof name !== 'string') return undefined;
      let factory = cache.get(name);
      if (!factory) {
        const schema = schemaOf(name);
        const build = (overrides?: object) => {
          const value = sample(schema, seq);
          return value && typeof value === 'object' && !Array.isArray(value)
            ? { ...value, ...overrides }
            : value;
        };
        factory = {
          build,
          batch: (count, overrides) => Array.from({ length: count }, () => build(overrides)),
        };
        cache.set(name, factory);
      }
      return factory;
    },
  });
}

/** Factories with their own id sequence. */
export const factories: Factories = createFactories();
