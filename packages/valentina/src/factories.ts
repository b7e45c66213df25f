/**
 * Service factories: the seed's `companies_service()`, `campaigns_service(user_id, company_id=…)`…
 * in camelCase. Each uses the default client (the last `ValentinaClient` created, unless it was
 * made with `setAsDefault: false`) and throws `NoDefaultClientError` when there is none.
 */
import type { CompanyScope } from './client.js';
import { defaultClient } from './registry.js';
import type { BooksService } from './services/books.js';
import type { CampaignsService } from './services/campaigns.js';
import type { ChaptersService } from './services/chapters.js';
import type { CharacterAutogenService } from './services/character-autogen.js';
import type { CharacterBlueprintService } from './services/character-blueprint.js';
import type { CharacterTraitsService } from './services/character-traits.js';
import type { CharactersService } from './services/characters.js';
import type { CompaniesService } from './services/companies.js';
import type { DeveloperService } from './services/developer.js';
import type { DiceRollsService } from './services/dice-rolls.js';
import type { DictionaryService } from './services/dictionary.js';
import type { GlobalAdminService } from './services/global-admin.js';
import type { IdentityService } from './services/identity.js';
import type { OptionsService } from './services/options.js';
import type { SystemService } from './services/system.js';
import type { UserLookupService } from './services/user-lookup.js';
import type { UsersService } from './services/users.js';

export function companiesService(): CompaniesService {
  return defaultClient().companies;
}

export function developerService(): DeveloperService {
  return defaultClient().developer;
}

export function globalAdminService(): GlobalAdminService {
  return defaultClient().globalAdmin;
}

export function systemService(): SystemService {
  return defaultClient().system;
}

export function userLookupService(): UserLookupService {
  return defaultClient().userLookup;
}

export function identityService(scope?: CompanyScope): IdentityService {
  return defaultClient().identity(scope);
}

export function usersService(scope?: CompanyScope): UsersService;
export function usersService(userId: string, scope?: CompanyScope): UsersService;
export function usersService(userIdOrScope?: string | CompanyScope, scope?: CompanyScope): UsersService {
  return typeof userIdOrScope === 'string'
    ? defaultClient().users(userIdOrScope, scope)
    : defaultClient().users(userIdOrScope);
}

export function campaignsService(userId: string, scope?: CompanyScope): CampaignsService {
  return defaultClient().campaigns(userId, scope);
}

export function booksService(userId: string, campaignId: string, scope?: CompanyScope): BooksService {
  return defaultClient().books(userId, campaignId, scope);
}

export function chaptersService(
  userId: string,
  campaignId: string,
  bookId: string,
  scope?: CompanyScope,
): ChaptersService {
  return defaultClient().chapters(userId, campaignId, bookId, scope);
}

export function charactersService(userId: string, scope?: CompanyScope): CharactersService;
export function charactersService(
  userId: string,
  campaignId: string | undefined,
  scope?: CompanyScope,
): CharactersService;
export function charactersService(
  userId: string,
  campaignIdOrScope?: string | CompanyScope,
  scope?: CompanyScope,
): CharactersService {
  return typeof campaignIdOrScope === 'object'
    ? defaultClient().characters(userId, campaignIdOrScope)
    : defaultClient().characters(userId, campaignIdOrScope, scope);
}

export function characterTraitsService(
  userId: string,
  campaignId: string | undefined,
  characterId: string,
  scope?: CompanyScope,
): CharacterTraitsService {
  return defaultClient().characterTraits(userId, campaignId, characterId, scope);
}

export function characterAutogenService(userId: string, scope?: CompanyScope): CharacterAutogenService;
export function characterAutogenService(
  userId: string,
  campaignId: string | undefined,
  scope?: CompanyScope,
): CharacterAutogenService;
export function characterAutogenService(
  userId: string,
  campaignIdOrScope?: string | CompanyScope,
  scope?: CompanyScope,
): CharacterAutogenService {
  return typeof campaignIdOrScope === 'object'
    ? defaultClient().characterAutogen(userId, campaignIdOrScope)
    : defaultClient().characterAutogen(userId, campaignIdOrScope, scope);
}

export function characterBlueprintService(scope?: CompanyScope): CharacterBlueprintService;
export function characterBlueprintService(userId: string, scope?: CompanyScope): CharacterBlueprintService;
export function characterBlueprintService(
  userIdOrScope?: string | CompanyScope,
  scope?: CompanyScope,
): CharacterBlueprintService {
  return typeof userIdOrScope === 'string'
    ? defaultClient().characterBlueprint(userIdOrScope, scope)
    : defaultClient().characterBlueprint(userIdOrScope);
}

export function diceRollsService(userId: string, scope?: CompanyScope): DiceRollsService {
  return defaultClient().diceRolls(userId, scope);
}

/**
 * The seed's spelling of {@link diceRollsService}, kept so code ported from the Python client compiles.
 * @deprecated Use `diceRollsService`.
 */
export const dicreollsService: typeof diceRollsService = diceRollsService;

export function dictionaryService(scope?: CompanyScope): DictionaryService;
export function dictionaryService(userId: string, scope?: CompanyScope): DictionaryService;
export function dictionaryService(
  userIdOrScope?: string | CompanyScope,
  scope?: CompanyScope,
): DictionaryService {
  return typeof userIdOrScope === 'string'
    ? defaultClient().dictionary(userIdOrScope, scope)
    : defaultClient().dictionary(userIdOrScope);
}

export function optionsService(scope?: CompanyScope): OptionsService;
export function optionsService(userId: string, scope?: CompanyScope): OptionsService;
export function optionsService(userIdOrScope?: string | CompanyScope, scope?: CompanyScope): OptionsService {
  return typeof userIdOrScope === 'string'
    ? defaultClient().options(userIdOrScope, scope)
    : defaultClient().options(userIdOrScope);
}
