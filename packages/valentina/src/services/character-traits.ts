import type {
  BulkAssignTraitResult,
  CharacterTrait,
  CharacterTraitAssign,
  CustomTraitCreate,
  TraitModifyCurrency,
  TraitValueOptions,
} from '../models.js';
import {
  ActingService,
  type IterParams,
  type PageParams,
  type PaginatedResponse,
  type RequestOptions,
  type ServiceHost,
} from './base.js';

type Paging = RequestOptions & { limit: number; offset: number };

export interface CharacterTraitFilters {
  categoryId?: string | undefined;
  isRollable?: boolean | undefined;
}

export interface DeleteTraitOptions extends RequestOptions {
  /** Currency to refund the trait's cost in. */
  currency?: TraitModifyCurrency | undefined;
}

/** The traits of one character: assign, create custom ones, change values, used on behalf of `userId`. */
export class CharacterTraitsService extends ActingService {
  /** The Python client's scope; the server identifies traits by character alone. */
  readonly campaignId: string | undefined;
  readonly characterId: string;

  constructor(
    host: ServiceHost,
    scope: { companyId: string; userId: string; campaignId?: string | undefined; characterId: string },
  ) {
    super(host, scope);
    this.campaignId = scope.campaignId;
    this.characterId = scope.characterId;
  }

  #traits = ({ categoryId, isRollable, ...p }: CharacterTraitFilters & Paging) =>
    this.api.characterTraits.listCharacterTraitsPage(this.companyId, this.characterId, {
      ...this.opts(p),
      category_id: categoryId,
      is_rollable: isRollable,
    });

  getPage(
    params: CharacterTraitFilters & PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<CharacterTrait>> {
    return this.page(this.#traits, params);
  }

  listAll(params: CharacterTraitFilters & IterParams & RequestOptions = {}): Promise<CharacterTrait[]> {
    return this.all(this.#traits, params);
  }

  iterAll(
    params: CharacterTraitFilters & IterParams & RequestOptions = {},
  ): AsyncGenerator<CharacterTrait, void, undefined> {
    return this.iter(this.#traits, params);
  }

  get(characterTraitId: string, options: RequestOptions = {}): Promise<CharacterTrait> {
    return this.api.characterTraits.getCharacterTrait(
      this.companyId,
      this.characterId,
      characterTraitId,
      this.opts(options),
    );
  }

  /** Removes the trait from the character, refunding its cost in `currency` when given. */
  delete(characterTraitId: string, { currency, ...options }: DeleteTraitOptions = {}): Promise<void> {
    return this.api.characterTraits.deleteCharacterTrait(this.companyId, this.characterId, characterTraitId, {
      ...this.opts(options),
      currency,
    });
  }

  /** Gives the character a trait of the blueprint at `value`, paid in `currency`. */
  assign(
    traitId: string,
    value: number,
    currency: TraitModifyCurrency,
    options: RequestOptions = {},
  ): Promise<CharacterTrait> {
    const body = { trait_id: traitId, value, currency };
    return this.api.characterTraits.assignTraitToCharacter(
      this.companyId,
      this.characterId,
      body,
      this.opts(options),
    );
  }

  /** Assigns up to 200 traits at once; each item succeeds or fails on its own. */
  bulkAssign(items: CharacterTraitAssign[], options: RequestOptions = {}): Promise<BulkAssignTraitResult> {
    return this.api.characterTraits.bulkAssignTraitsToCharacter(
      this.companyId,
      this.characterId,
      items,
      this.opts(options),
    );
  }

  /** Creates a custom trait on the character (value 1). */
  create(body: CustomTraitCreate, options: RequestOptions = {}): Promise<CharacterTrait> {
    return this.api.characterTraits.createCustomTrait(
      this.companyId,
      this.characterId,
      body,
      this.opts(options),
    );
  }

  /** What each reachable value would cost in every currency. */
  getValueOptions(characterTraitId: string, options: RequestOptions = {}): Promise<TraitValueOptions> {
    return this.api.characterTraits.getTraitValueOptions(
      this.companyId,
      this.characterId,
      characterTraitId,
      this.opts(options),
    );
  }

  /** Raises or lowers a trait to `newValue`, paid (or refunded) in `currency`. */
  changeValue(
    characterTraitId: string,
    newValue: number,
    currency: TraitModifyCurrency,
    options: RequestOptions = {},
  ): Promise<CharacterTrait> {
    return this.api.characterTraits.modifyTraitValue(
      this.companyId,
      this.characterId,
      characterTraitId,
      { target_value: newValue, currency },
      this.opts(options),
    );
  }
}
