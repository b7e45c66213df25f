export type { AggregateProgress } from '@sdkforge/runtime/node';
export * from './runner.js';
export * from './storage.js';
