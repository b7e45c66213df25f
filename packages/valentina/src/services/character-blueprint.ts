import type {
  BlueprintTraitOrderBy,
  CharacterClass,
  CharacterConcept,
  GameVersion,
  SheetSection,
  Trait,
  TraitCategory,
  TraitSubcategory,
  VampireClan,
  WerewolfAuspice,
  WerewolfTribe,
} from '../models.js';
import {
  CompanyService,
  type IterParams,
  type PageParams,
  type PaginatedResponse,
  REFERENCE_PAGE_SIZE,
  type RequestOptions,
} from './base.js';

type Paging = RequestOptions & { limit: number; offset: number };
type Page<T> = Promise<PaginatedResponse<T>>;
type Iter<T> = AsyncGenerator<T, void, undefined>;

export interface GameFilters {
  gameVersion?: GameVersion | undefined;
}
export interface SectionFilters extends GameFilters {
  characterClass?: CharacterClass | undefined;
}
export interface CategoryFilters extends SectionFilters {
  sectionId?: string | undefined;
}
export interface SubcategoryFilters extends SectionFilters {
  categoryId?: string | undefined;
}
export interface TraitFilters extends SectionFilters {
  categoryId?: string | undefined;
  subcategoryId?: string | undefined;
  isRollable?: boolean | undefined;
  orderBy?: BlueprintTraitOrderBy | undefined;
  /** Leave out the traits that belong to a subcategory. */
  excludeSubcategoryTraits?: boolean | undefined;
}

type P<F> = F & PageParams & RequestOptions;
type I<F> = F & IterParams & RequestOptions;

/**
 * The read-only character-sheet catalogue: sections, categories, subcategories, traits, concepts,
 * vampire clans, werewolf tribes and auspices (reference collections: pages of up to 1000).
 */
export class CharacterBlueprintService extends CompanyService {
  readonly #bp = this.api.characterBlueprint;

  #sections = ({ gameVersion, characterClass, ...p }: SectionFilters & Paging) =>
    this.#bp.listCharacterBlueprintSectionsPage(this.companyId, {
      ...this.opts(p),
      game_version: gameVersion,
      character_class: characterClass,
    });
  #categories = ({ gameVersion, characterClass, sectionId, ...p }: CategoryFilters & Paging) =>
    this.#bp.listCharacterBlueprintCategoriesPage(this.companyId, {
      ...this.opts(p),
      game_version: gameVersion,
      character_class: characterClass,
      section_id: sectionId,
    });
  #subcategories = ({ gameVersion, characterClass, categoryId, ...p }: SubcategoryFilters & Paging) =>
    this.#bp.listCharacterBlueprintSubcategoriesPage(this.companyId, {
      ...this.opts(p),
      game_version: gameVersion,
      character_class: characterClass,
      category_id: categoryId,
    });
  #traits = ({
    gameVersion,
    characterClass,
    categoryId,
    subcategoryId,
    isRollable,
    orderBy,
    excludeSubcategoryTraits,
    ...p
  }: TraitFilters & Paging) =>
    this.#bp.listAllCharacterBlueprintTraitsPage(this.companyId, {
      ...this.opts(p),
      game_version: gameVersion,
      character_class: characterClass,
      category_id: categoryId,
      subcategory_id: subcategoryId,
      is_rollable: isRollable,
      order_by: orderBy,
      exclude_subcategory_traits: excludeSubcategoryTraits,
    });
  #concepts = (p: Paging) => this.#bp.listCharacterBlueprintConceptsPage(this.companyId, this.opts(p));
  #clans = ({ gameVersion, ...p }: GameFilters & Paging) =>
    this.#bp.listCharacterBlueprintVampireClansPage(this.companyId, {
      ...this.opts(p),
      game_version: gameVersion,
    });
  #tribes = ({ gameVersion, ...p }: GameFilters & Paging) =>
    this.#bp.listCharacterBlueprintWerewolfTribesPage(this.companyId, {
      ...this.opts(p),
      game_version: gameVersion,
    });
  #auspices = ({ gameVersion, ...p }: GameFilters & Paging) =>
    this.#bp.listCharacterBlueprintWerewolfAuspicesPage(this.companyId, {
      ...this.opts(p),
      game_version: gameVersion,
    });

  // ── sections ──
  getSectionsPage(params: P<SectionFilters> = {}): Page<SheetSection> {
    return this.page(this.#sections, params);
  }
  listAllSections(params: I<SectionFilters> = {}): Promise<SheetSection[]> {
    return this.all(this.#sections, params, REFERENCE_PAGE_SIZE);
  }
  iterAllSections(params: I<SectionFilters> = {}): Iter<SheetSection> {
    return this.iter(this.#sections, params, REFERENCE_PAGE_SIZE);
  }
  getSection(sectionId: string, options: RequestOptions = {}): Promise<SheetSection> {
    return this.#bp.getCharacterBlueprintSection(this.companyId, sectionId, this.opts(options));
  }

  // ── categories ──
  getCategoriesPage(params: P<CategoryFilters> = {}): Page<TraitCategory> {
    return this.page(this.#categories, params);
  }
  listAllCategories(params: I<CategoryFilters> = {}): Promise<TraitCategory[]> {
    return this.all(this.#categories, params, REFERENCE_PAGE_SIZE);
  }
  iterAllCategories(params: I<CategoryFilters> = {}): Iter<TraitCategory> {
    return this.iter(this.#categories, params, REFERENCE_PAGE_SIZE);
  }
  getCategory(categoryId: string, options: RequestOptions = {}): Promise<TraitCategory> {
    return this.#bp.getCharacterBlueprintCategory(this.companyId, categoryId, this.opts(options));
  }

  // ── subcategories ──
  getSubcategoriesPage(params: P<SubcategoryFilters> = {}): Page<TraitSubcategory> {
    return this.page(this.#subcategories, params);
  }
  listAllSubcategories(params: I<SubcategoryFilters> = {}): Promise<TraitSubcategory[]> {
    return this.all(this.#subcategories, params, REFERENCE_PAGE_SIZE);
  }
  iterAllSubcategories(params: I<SubcategoryFilters> = {}): Iter<TraitSubcategory> {
    return this.iter(this.#subcategories, params, REFERENCE_PAGE_SIZE);
  }
  getSubcategory(subcategoryId: string, options: RequestOptions = {}): Promise<TraitSubcategory> {
    return this.#bp.getCharacterBlueprintSubcategory(this.companyId, subcategoryId, this.opts(options));
  }

  // ── traits ──
  getTraitsPage(params: P<TraitFilters> = {}): Page<Trait> {
    return this.page(this.#traits, params);
  }
  listAllTraits(params: I<TraitFilters> = {}): Promise<Trait[]> {
    return this.all(this.#traits, params, REFERENCE_PAGE_SIZE);
  }
  iterAllTraits(params: I<TraitFilters> = {}): Iter<Trait> {
    return this.iter(this.#traits, params, REFERENCE_PAGE_SIZE);
  }
  getTrait(traitId: string, options: RequestOptions = {}): Promise<Trait> {
    return this.#bp.getCharacterBlueprintTrait(this.companyId, traitId, this.opts(options));
  }

  // ── concepts ──
  getConceptsPage(params: P<object> = {}): Page<CharacterConcept> {
    return this.page(this.#concepts, params);
  }
  listAllConcepts(params: I<object> = {}): Promise<CharacterConcept[]> {
    return this.all(this.#concepts, params, REFERENCE_PAGE_SIZE);
  }
  iterAllConcepts(params: I<object> = {}): Iter<CharacterConcept> {
    return this.iter(this.#concepts, params, REFERENCE_PAGE_SIZE);
  }
  getConcept(conceptId: string, options: RequestOptions = {}): Promise<CharacterConcept> {
    return this.#bp.getCharacterBlueprintConcept(this.companyId, conceptId, this.opts(options));
  }

  // ── vampire clans ──
  getVampireClansPage(params: P<GameFilters> = {}): Page<VampireClan> {
    return this.page(this.#clans, params);
  }
  listAllVampireClans(params: I<GameFilters> = {}): Promise<VampireClan[]> {
    return this.all(this.#clans, params, REFERENCE_PAGE_SIZE);
  }
  iterAllVampireClans(params: I<GameFilters> = {}): Iter<VampireClan> {
    return this.iter(this.#clans, params, REFERENCE_PAGE_SIZE);
  }
  getVampireClan(vampireClanId: string, options: RequestOptions = {}): Promise<VampireClan> {
    return this.#bp.getCharacterBlueprintVampireClan(this.companyId, vampireClanId, this.opts(options));
  }

  // ── werewolf tribes ──
  getWerewolfTribesPage(params: P<GameFilters> = {}): Page<WerewolfTribe> {
    return this.page(this.#tribes, params);
  }
  listAllWerewolfTribes(params: I<GameFilters> = {}): Promise<WerewolfTribe[]> {
    return this.all(this.#tribes, params, REFERENCE_PAGE_SIZE);
  }
  iterAllWerewolfTribes(params: I<GameFilters> = {}): Iter<WerewolfTribe> {
    return this.iter(this.#tribes, params, REFERENCE_PAGE_SIZE);
  }
  getWerewolfTribe(werewolfTribeId: string, options: RequestOptions = {}): Promise<WerewolfTribe> {
    return this.#bp.getCharacterBlueprintWerewolfTribe(this.companyId, werewolfTribeId, this.opts(options));
  }

  // ── werewolf auspices ──
  getWerewolfAuspicesPage(params: P<GameFilters> = {}): Page<WerewolfAuspice> {
    return this.page(this.#auspices, params);
  }
  listAllWerewolfAuspices(params: I<GameFilters> = {}): Promise<WerewolfAuspice[]> {
    return this.all(this.#auspices, params, REFERENCE_PAGE_SIZE);
  }
  iterAllWerewolfAuspices(params: I<GameFilters> = {}): Iter<WerewolfAuspice> {
    return this.iter(this.#auspices, params, REFERENCE_PAGE_SIZE);
  }
  getWerewolfAuspice(werewolfAuspiceId: string, options: RequestOptions = {}): Promise<WerewolfAuspice> {
    return this.#bp.getCharacterBlueprintWerewolfAuspice(
      this.companyId,
      werewolfAuspiceId,
      this.opts(options),
    );
  }
}
