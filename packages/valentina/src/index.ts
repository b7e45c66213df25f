import { diceRollsService } from './generated/client.gen.js';

export { type CallOptions as RequestOptions, Page, Page as PaginatedResponse } from '@sdkforge/runtime';
export * from './client.js';
export { type APIConfig, DEFAULT_BASE_URL, DEFAULTS, ENV, type ResolvedConfig } from './config.js';
export * from './errors.js';
export * from './generated/client.gen.js';
export type * from './generated/models.gen.js';
export * from './generated/operations.gen.js';
export type { components, operations, paths } from './generated/schema.gen.js';
export * from './generated/services.gen.js';

/**
 * The seed's spelling of {@link diceRollsService}, kept so code ported from the Python client compiles.
 * @deprecated Use `diceRollsService`.
 */
export const dicreollsService: typeof diceRollsService = diceRollsService;
