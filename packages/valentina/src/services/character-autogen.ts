import { RequestValidationError } from '../errors.js';
import type { AutogenerateCharacterRequest, Character, ChargenSession } from '../models.js';
import { ActingService, type RequestOptions, type ServiceHost } from './base.js';

export interface CampaignOptions extends RequestOptions {
  /** The campaign the character is made for (defaults to the service's `campaignId`). */
  campaignId?: string | undefined;
}

/** Character generation: one random character, or a chargen session of several candidates to pick from. */
export class CharacterAutogenService extends ActingService {
  /** Default campaign of `generateCharacter` and `startChargenSession`. */
  readonly campaignId: string | undefined;

  constructor(
    host: ServiceHost,
    scope: { companyId: string; userId: string; campaignId?: string | undefined },
  ) {
    super(host, scope);
    this.campaignId = scope.campaignId;
  }

  #campaign(operationId: string, campaignId: string | undefined): string {
    const id = campaignId ?? this.campaignId;
    if (!id) {
      throw new RequestValidationError(operationId, [
        { path: 'query.campaign_id', message: 'give a campaignId (option, or the service scope)' },
      ]);
    }
    return id;
  }

  /** Generates one character at once (costs the company's autogen XP). */
  async generateCharacter(
    request: AutogenerateCharacterRequest,
    { campaignId, ...options }: CampaignOptions = {},
  ): Promise<Character> {
    const campaign_id = this.#campaign('autogenerateCharacter', campaignId);
    return this.api.characterAutogen.autogenerateCharacter(this.companyId, request, {
      ...this.opts(options),
      campaign_id,
    });
  }

  /** Starts a chargen session: several temporary candidates to choose from. */
  async startChargenSession({ campaignId, ...options }: CampaignOptions = {}): Promise<ChargenSession> {
    const campaign_id = this.#campaign('startChargenSession', campaignId);
    return this.api.characterAutogen.startChargenSession(this.companyId, {
      ...this.opts(options),
      campaign_id,
    });
  }

  /** Keeps `selectedCharacterId` (made permanent) and discards the other candidates. */
  finalizeChargenSession(
    sessionId: string,
    selectedCharacterId: string,
    options: RequestOptions = {},
  ): Promise<Character> {
    return this.api.characterAutogen.finalizeChargenSession(
      this.companyId,
      { session_id: sessionId, selected_character_id: selectedCharacterId },
      this.opts(options),
    );
  }

  /** The acting user's open chargen sessions (not paginated). */
  listAll(options: RequestOptions = {}): Promise<ChargenSession[]> {
    return this.api.characterAutogen.listChargenSessions(this.companyId, this.opts(options));
  }

  get(sessionId: string, options: RequestOptions = {}): Promise<ChargenSession> {
    return this.api.characterAutogen.getChargenSession(this.companyId, sessionId, this.opts(options));
  }
}
