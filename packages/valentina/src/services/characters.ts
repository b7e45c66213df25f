import type {
  Asset,
  Character,
  CharacterClass,
  CharacterCreate,
  CharacterDetail,
  CharacterFullSheet,
  CharacterInclude,
  CharacterStatus,
  CharacterType,
  CharacterUpdate,
  FullSheetCategory,
  InventoryItem,
  InventoryItemCreate,
  InventoryItemUpdate,
  Note,
  NoteCreate,
  NoteUpdate,
  RollStatistics,
} from '../models.js';
import {
  ActingService,
  filePart,
  type IterParams,
  type PageParams,
  type PaginatedResponse,
  type RequestOptions,
  type ServiceHost,
} from './base.js';
import type { AssetFilters, StatisticsOptions, UploadOptions } from './shared.js';

type Paging = RequestOptions & { limit: number; offset: number };

export interface CharacterFilters {
  /** Only characters of this campaign (defaults to the service's `campaignId`). */
  campaignId?: string | undefined;
  userPlayerId?: string | undefined;
  userCreatorId?: string | undefined;
  characterClass?: CharacterClass | undefined;
  characterType?: CharacterType | undefined;
  status?: CharacterStatus | undefined;
  /** `true` lists temporary characters (chargen candidates) only; the server lists permanent ones by default. */
  isTemporary?: boolean | undefined;
}

export interface GetCharacterOptions extends RequestOptions {
  /** Children to embed: `traits`, `inventory`, `notes`, `assets`. */
  include?: CharacterInclude[] | undefined;
}

export interface FullSheetOptions extends RequestOptions {
  /** Also list the traits the character could still take. */
  includeAvailableTraits?: boolean | undefined;
}

/** A new character; `campaign_id` may be left out when the service has a `campaignId`. */
export type CharacterCreateInput = Omit<CharacterCreate, 'campaign_id'> & { campaign_id?: string };

/**
 * The characters of one company (optionally of one campaign), with their sheets, statistics,
 * inventory, notes and assets, used on behalf of `userId`.
 */
export class CharactersService extends ActingService {
  /** Campaign used as the default `campaignId` filter and the default `campaign_id` of new characters. */
  readonly campaignId: string | undefined;

  constructor(
    host: ServiceHost,
    scope: { companyId: string; userId: string; campaignId?: string | undefined },
  ) {
    super(host, scope);
    this.campaignId = scope.campaignId;
  }

  #characters = ({
    campaignId = this.campaignId,
    userPlayerId,
    userCreatorId,
    characterClass,
    characterType,
    isTemporary,
    ...p
  }: CharacterFilters & Paging) =>
    this.api.characters.listCharactersPage(this.companyId, {
      ...this.opts(p),
      campaign_id: campaignId,
      user_player_id: userPlayerId,
      user_creator_id: userCreatorId,
      character_class: characterClass,
      character_type: characterType,
      is_temporary: isTemporary,
    });
  #notes = (characterId: string) => (p: Paging) =>
    this.api.characterNotes.listCharacterNotesPage(this.companyId, characterId, this.opts(p));
  #assets =
    (characterId: string) =>
    ({ assetType, ...p }: AssetFilters & Paging) =>
      this.api.characterAssets.listCharacterAssetsPage(this.companyId, characterId, {
        ...this.opts(p),
        asset_type: assetType,
      });
  #inventory = (characterId: string) => (p: Paging) =>
    this.api.characterInventory.listCharacterInventoryItemsPage(this.companyId, characterId, this.opts(p));

  getPage(
    params: CharacterFilters & PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<Character>> {
    return this.page(this.#characters, params);
  }

  listAll(params: CharacterFilters & IterParams & RequestOptions = {}): Promise<Character[]> {
    return this.all(this.#characters, params);
  }

  iterAll(
    params: CharacterFilters & IterParams & RequestOptions = {},
  ): AsyncGenerator<Character, void, undefined> {
    return this.iter(this.#characters, params);
  }

  get(characterId: string, { include, ...options }: GetCharacterOptions = {}): Promise<CharacterDetail> {
    return this.api.characters.getCharacter(this.companyId, characterId, { ...this.opts(options), include });
  }

  create(body: CharacterCreateInput, options: RequestOptions = {}): Promise<Character> {
    const character = { campaign_id: this.campaignId, ...body } as CharacterCreate;
    return this.api.characters.createCharacter(this.companyId, character, this.opts(options));
  }

  /** Changes only the fields given; `null` clears a nullable field (e.g. `date_of_birth: null`). */
  update(characterId: string, patch: CharacterUpdate, options: RequestOptions = {}): Promise<Character> {
    return this.api.characters.updateCharacter(this.companyId, characterId, patch, this.opts(options));
  }

  delete(characterId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.characters.deleteCharacter(this.companyId, characterId, this.opts(options));
  }

  getStatistics(
    characterId: string,
    { numTopTraits, ...options }: StatisticsOptions = {},
  ): Promise<RollStatistics> {
    return this.api.statistics.getCharacterStatistics(this.companyId, characterId, {
      ...this.opts(options),
      num_top_traits: numTopTraits,
    });
  }

  /** The whole character sheet: sections → categories → subcategories → traits. */
  getFullSheet(
    characterId: string,
    { includeAvailableTraits, ...options }: FullSheetOptions = {},
  ): Promise<CharacterFullSheet> {
    return this.api.characters.getCharacterFullSheet(this.companyId, characterId, {
      ...this.opts(options),
      include_available_traits: includeAvailableTraits,
    });
  }

  /** One category of the character sheet. */
  getFullSheetCategory(
    characterId: string,
    categoryId: string,
    { includeAvailableTraits, ...options }: FullSheetOptions = {},
  ): Promise<FullSheetCategory> {
    return this.api.characters.getCharacterFullSheetCategory(this.companyId, characterId, categoryId, {
      ...this.opts(options),
      include_available_traits: includeAvailableTraits,
    });
  }

  // ── inventory ──

  getInventoryPage(
    characterId: string,
    params: PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<InventoryItem>> {
    return this.page(this.#inventory(characterId), params);
  }

  listAllInventory(characterId: string, params: IterParams & RequestOptions = {}): Promise<InventoryItem[]> {
    return this.all(this.#inventory(characterId), params);
  }

  iterAllInventory(
    characterId: string,
    params: IterParams & RequestOptions = {},
  ): AsyncGenerator<InventoryItem, void, undefined> {
    return this.iter(this.#inventory(characterId), params);
  }

  getInventoryItem(
    characterId: string,
    itemId: string,
    options: RequestOptions = {},
  ): Promise<InventoryItem> {
    return this.api.characterInventory.getCharacterInventoryItem(
      this.companyId,
      characterId,
      itemId,
      this.opts(options),
    );
  }

  createInventoryItem(
    characterId: string,
    item: InventoryItemCreate,
    options: RequestOptions = {},
  ): Promise<InventoryItem> {
    return this.api.characterInventory.createCharacterInventoryItem(
      this.companyId,
      characterId,
      item,
      this.opts(options),
    );
  }

  updateInventoryItem(
    characterId: string,
    itemId: string,
    patch: InventoryItemUpdate,
    options: RequestOptions = {},
  ): Promise<InventoryItem> {
    return this.api.characterInventory.updateCharacterInventoryItem(
      this.companyId,
      characterId,
      itemId,
      patch,
      this.opts(options),
    );
  }

  deleteInventoryItem(characterId: string, itemId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.characterInventory.deleteCharacterInventoryItem(
      this.companyId,
      characterId,
      itemId,
      this.opts(options),
    );
  }

  // ── notes ──

  getNotesPage(
    characterId: string,
    params: PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<Note>> {
    return this.page(this.#notes(characterId), params);
  }

  listAllNotes(characterId: string, params: IterParams & RequestOptions = {}): Promise<Note[]> {
    return this.all(this.#notes(characterId), params);
  }

  iterAllNotes(
    characterId: string,
    params: IterParams & RequestOptions = {},
  ): AsyncGenerator<Note, void, undefined> {
    return this.iter(this.#notes(characterId), params);
  }

  getNote(characterId: string, noteId: string, options: RequestOptions = {}): Promise<Note> {
    return this.api.characterNotes.getCharacterNote(this.companyId, characterId, noteId, this.opts(options));
  }

  createNote(characterId: string, note: NoteCreate, options: RequestOptions = {}): Promise<Note> {
    return this.api.characterNotes.createCharacterNote(this.companyId, characterId, note, this.opts(options));
  }

  updateNote(
    characterId: string,
    noteId: string,
    patch: NoteUpdate,
    options: RequestOptions = {},
  ): Promise<Note> {
    return this.api.characterNotes.updateCharacterNote(
      this.companyId,
      characterId,
      noteId,
      patch,
      this.opts(options),
    );
  }

  deleteNote(characterId: string, noteId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.characterNotes.deleteCharacterNote(
      this.companyId,
      characterId,
      noteId,
      this.opts(options),
    );
  }

  // ── assets ──

  getAssetsPage(
    characterId: string,
    params: AssetFilters & PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<Asset>> {
    return this.page(this.#assets(characterId), params);
  }

  listAllAssets(
    characterId: string,
    params: AssetFilters & IterParams & RequestOptions = {},
  ): Promise<Asset[]> {
    return this.all(this.#assets(characterId), params);
  }

  iterAllAssets(
    characterId: string,
    params: AssetFilters & IterParams & RequestOptions = {},
  ): AsyncGenerator<Asset, void, undefined> {
    return this.iter(this.#assets(characterId), params);
  }

  getAsset(characterId: string, assetId: string, options: RequestOptions = {}): Promise<Asset> {
    return this.api.characterAssets.getCharacterAsset(
      this.companyId,
      characterId,
      assetId,
      this.opts(options),
    );
  }

  deleteAsset(characterId: string, assetId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.characterAssets.deleteCharacterAsset(
      this.companyId,
      characterId,
      assetId,
      this.opts(options),
    );
  }

  uploadAsset(
    characterId: string,
    filename: string,
    content: BlobPart,
    { contentType, ...options }: UploadOptions = {},
  ): Promise<Asset> {
    const body = { file: filePart(filename, content, contentType) };
    return this.api.characterAssets.uploadCharacterAsset(
      this.companyId,
      characterId,
      body,
      this.opts(options),
    );
  }
}
