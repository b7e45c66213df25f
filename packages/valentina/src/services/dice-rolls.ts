import type { CharacterType, DiceRoll, DiceRollCreate, DiceRollQuickrollCreate } from '../models.js';
import {
  ActingService,
  type IterParams,
  type PageParams,
  type PaginatedResponse,
  type RequestOptions,
} from './base.js';

type Paging = RequestOptions & { limit: number; offset: number };

export interface DiceRollFilters {
  /** Only rolls of this user (sent as the server's `userid`). */
  userId?: string | undefined;
  /** Only rolls of this character (sent as `characterid`). */
  characterId?: string | undefined;
  /** Only rolls of this campaign (sent as `campaignid`). */
  campaignId?: string | undefined;
  characterType?: CharacterType | undefined;
}

/** Dice rolls of one company, rolled on behalf of `userId`. */
export class DiceRollsService extends ActingService {
  #rolls = ({ userId, characterId, campaignId, characterType, ...p }: DiceRollFilters & Paging) =>
    this.api.diceRolls.listDiceRollsPage(this.companyId, {
      ...this.opts(p),
      userid: userId,
      characterid: characterId,
      campaignid: campaignId,
      character_type: characterType,
    });

  getPage(params: DiceRollFilters & PageParams & RequestOptions = {}): Promise<PaginatedResponse<DiceRoll>> {
    return this.page(this.#rolls, params);
  }

  listAll(params: DiceRollFilters & IterParams & RequestOptions = {}): Promise<DiceRoll[]> {
    return this.all(this.#rolls, params);
  }

  iterAll(
    params: DiceRollFilters & IterParams & RequestOptions = {},
  ): AsyncGenerator<DiceRoll, void, undefined> {
    return this.iter(this.#rolls, params);
  }

  get(diceRollId: string, options: RequestOptions = {}): Promise<DiceRoll> {
    return this.api.diceRolls.getDiceRoll(this.companyId, diceRollId, this.opts(options));
  }

  /** Rolls dice (a bare `{}` rolls one d10, unscored). */
  create(roll: DiceRollCreate = {}, options: RequestOptions = {}): Promise<DiceRoll> {
    return this.api.diceRolls.createDiceRoll(this.companyId, roll, this.opts(options));
  }

  /** Rolls a saved quick roll with a character's trait values. */
  createFromQuickroll(roll: DiceRollQuickrollCreate, options: RequestOptions = {}): Promise<DiceRoll> {
    return this.api.diceRolls.createQuickRoll(this.companyId, roll, this.opts(options));
  }
}
