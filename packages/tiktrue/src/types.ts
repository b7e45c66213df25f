export type { CallOptions } from '@sdkforge/runtime';
export type * from './generated/resources.gen.js';
export type { components, operations, paths } from './generated/schema.gen.js';
