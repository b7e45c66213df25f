import type {
  Asset,
  Campaign,
  CampaignCreate,
  CampaignUpdate,
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
} from './base.js';
import type { AssetFilters, StatisticsOptions, UploadOptions } from './shared.js';

type Paging = RequestOptions & { limit: number; offset: number };

/** The campaigns of one company, with their notes, assets and statistics, used on behalf of `userId`. */
export class CampaignsService extends ActingService {
  #campaigns = (p: Paging) => this.api.campaigns.listCampaignsPage(this.companyId, this.opts(p));
  #notes = (campaignId: string) => (p: Paging) =>
    this.api.campaignNotes.listCampaignNotesPage(this.companyId, campaignId, this.opts(p));
  #assets =
    (campaignId: string) =>
    ({ assetType, ...p }: AssetFilters & Paging) =>
      this.api.campaignAssets.listCampaignAssetsPage(this.companyId, campaignId, {
        ...this.opts(p),
        asset_type: assetType,
      });

  getPage(params: PageParams & RequestOptions = {}): Promise<PaginatedResponse<Campaign>> {
    return this.page(this.#campaigns, params);
  }

  listAll(params: IterParams & RequestOptions = {}): Promise<Campaign[]> {
    return this.all(this.#campaigns, params);
  }

  iterAll(params: IterParams & RequestOptions = {}): AsyncGenerator<Campaign, void, undefined> {
    return this.iter(this.#campaigns, params);
  }

  get(campaignId: string, options: RequestOptions = {}): Promise<Campaign> {
    return this.api.campaigns.getCampaign(this.companyId, campaignId, this.opts(options));
  }

  create(body: CampaignCreate, options: RequestOptions = {}): Promise<Campaign> {
    return this.api.campaigns.createCampaign(this.companyId, body, this.opts(options));
  }

  /** Changes only the fields given; `null` clears a nullable field (e.g. `in_game_date: null`). */
  update(campaignId: string, patch: CampaignUpdate, options: RequestOptions = {}): Promise<Campaign> {
    return this.api.campaigns.updateCampaign(this.companyId, campaignId, patch, this.opts(options));
  }

  delete(campaignId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.campaigns.deleteCampaign(this.companyId, campaignId, this.opts(options));
  }

  getStatistics(
    campaignId: string,
    { numTopTraits, ...options }: StatisticsOptions = {},
  ): Promise<RollStatistics> {
    return this.api.statistics.getCampaignStatistics(this.companyId, campaignId, {
      ...this.opts(options),
      num_top_traits: numTopTraits,
    });
  }

  // ── assets ──

  getAssetsPage(
    campaignId: string,
    params: AssetFilters & PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<Asset>> {
    return this.page(this.#assets(campaignId), params);
  }

  listAllAssets(
    campaignId: string,
    params: AssetFilters & IterParams & RequestOptions = {},
  ): Promise<Asset[]> {
    return this.all(this.#assets(campaignId), params);
  }

  iterAllAssets(
    campaignId: string,
    params: AssetFilters & IterParams & RequestOptions = {},
  ): AsyncGenerator<Asset, void, undefined> {
    return this.iter(this.#assets(campaignId), params);
  }

  getAsset(campaignId: string, assetId: string, options: RequestOptions = {}): Promise<Asset> {
    return this.api.campaignAssets.getCampaignAsset(this.companyId, campaignId, assetId, this.opts(options));
  }

  deleteAsset(campaignId: string, assetId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.campaignAssets.deleteCampaignAsset(
      this.companyId,
      campaignId,
      assetId,
      this.opts(options),
    );
  }

  /** Uploads a file (at most 5 MiB); its media type is guessed from `filename` unless given. */
  uploadAsset(
    campaignId: string,
    filename: string,
    content: BlobPart,
    { contentType, ...options }: UploadOptions = {},
  ): Promise<Asset> {
    const body = { file: filePart(filename, content, contentType) };
    return this.api.campaignAssets.uploadCampaignAsset(this.companyId, campaignId, body, this.opts(options));
  }

  // ── notes ──

  getNotesPage(
    campaignId: string,
    params: PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<Note>> {
    return this.page(this.#notes(campaignId), params);
  }

  listAllNotes(campaignId: string, params: IterParams & RequestOptions = {}): Promise<Note[]> {
    return this.all(this.#notes(campaignId), params);
  }

  iterAllNotes(
    campaignId: string,
    params: IterParams & RequestOptions = {},
  ): AsyncGenerator<Note, void, undefined> {
    return this.iter(this.#notes(campaignId), params);
  }

  getNote(campaignId: string, noteId: string, options: RequestOptions = {}): Promise<Note> {
    return this.api.campaignNotes.getCampaignNote(this.companyId, campaignId, noteId, this.opts(options));
  }

  createNote(campaignId: string, note: NoteCreate, options: RequestOptions = {}): Promise<Note> {
    return this.api.campaignNotes.createCampaignNote(this.companyId, campaignId, note, this.opts(options));
  }

  updateNote(
    campaignId: string,
    noteId: string,
    patch: NoteUpdate,
    options: RequestOptions = {},
  ): Promise<Note> {
    return this.api.campaignNotes.updateCampaignNote(
      this.companyId,
      campaignId,
      noteId,
      patch,
      this.opts(options),
    );
  }

  deleteNote(campaignId: string, noteId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.campaignNotes.deleteCampaignNote(this.companyId, campaignId, noteId, this.opts(options));
  }
}
