export { Page } from '@sdkforge/runtime';
export { type CompanyScope, ValentinaClient, type ValentinaClientOptions } from './client.js';
export { type APIConfig, DEFAULT_BASE_URL, DEFAULTS, ENV, type ResolvedConfig } from './config.js';
export * from './errors.js';
export * from './factories.js';
export * from './generated/resources.gen.js';
export type { components, operations, paths } from './generated/schema.gen.js';
export type * from './models.js';
export { clearDefaultClient, configureDefaultClient, defaultClient } from './registry.js';
export {
  ActingService,
  CompanyService,
  type IterParams,
  type PageParams,
  type PaginatedResponse,
  type RequestOptions,
  Service,
} from './services/base.js';
export { BooksService, type GetBookOptions } from './services/books.js';
export { CampaignsService } from './services/campaigns.js';
export { ChaptersService, type GetChapterOptions } from './services/chapters.js';
export { type CampaignOptions, CharacterAutogenService } from './services/character-autogen.js';
export * from './services/character-blueprint.js';
export {
  type CharacterTraitFilters,
  CharacterTraitsService,
  type DeleteTraitOptions,
} from './services/character-traits.js';
export * from './services/characters.js';
export { CompaniesService } from './services/companies.js';
export { DeveloperService } from './services/developer.js';
export { type DiceRollFilters, DiceRollsService } from './services/dice-rolls.js';
export { type DictionaryFilters, DictionaryService } from './services/dictionary.js';
export * from './services/global-admin.js';
export { IdentityService } from './services/identity.js';
export { OptionsService } from './services/options.js';
export type { AssetFilters, AuditLogFilters, StatisticsOptions, UploadOptions } from './services/shared.js';
export { SystemService } from './services/system.js';
export { UserLookupService } from './services/user-lookup.js';
export { type GetUserOptions, type UserFilters, UsersService } from './services/users.js';
