import type {
  Asset,
  Chapter,
  ChapterCreate,
  ChapterDetail,
  ChapterInclude,
  ChapterUpdate,
  Note,
  NoteCreate,
  NoteUpdate,
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
import type { AssetFilters, UploadOptions } from './shared.js';

type Paging = RequestOptions & { limit: number; offset: number };

export interface GetChapterOptions extends RequestOptions {
  /** Children to embed: `notes`, `assets`. */
  include?: ChapterInclude[] | undefined;
}

/** The chapters of one book, with their notes and assets, used on behalf of `userId`. */
export class ChaptersService extends ActingService {
  readonly campaignId: string;
  /** The book the chapters belong to. */
  readonly bookId: string;

  constructor(
    host: ServiceHost,
    scope: { companyId: string; userId: string; campaignId: string; bookId: string },
  ) {
    super(host, scope);
    this.campaignId = scope.campaignId;
    this.bookId = scope.bookId;
  }

  #chapters = (p: Paging) =>
    this.api.chapters.listCampaignChaptersPage(this.companyId, this.campaignId, this.bookId, this.opts(p));
  #notes = (chapterId: string) => (p: Paging) =>
    this.api.chapterNotes.listChapterNotesPage(
      this.companyId,
      this.campaignId,
      this.bookId,
      chapterId,
      this.opts(p),
    );
  #assets =
    (chapterId: string) =>
    ({ assetType, ...p }: AssetFilters & Paging) =>
      this.api.chapterAssets.listChapterAssetsPage(this.companyId, this.campaignId, this.bookId, chapterId, {
        ...this.opts(p),
        asset_type: assetType,
      });

  /** The path ids every call starts with. */
  get #ids(): [string, string, string] {
    return [this.companyId, this.campaignId, this.bookId];
  }

  getPage(params: PageParams & RequestOptions = {}): Promise<PaginatedResponse<Chapter>> {
    return this.page(this.#chapters, params);
  }

  listAll(params: IterParams & RequestOptions = {}): Promise<Chapter[]> {
    return this.all(this.#chapters, params);
  }

  iterAll(params: IterParams & RequestOptions = {}): AsyncGenerator<Chapter, void, undefined> {
    return this.iter(this.#chapters, params);
  }

  get(chapterId: string, { include, ...options }: GetChapterOptions = {}): Promise<ChapterDetail> {
    return this.api.chapters.getCampaignChapter(...this.#ids, chapterId, { ...this.opts(options), include });
  }

  create(body: ChapterCreate, options: RequestOptions = {}): Promise<Chapter> {
    return this.api.chapters.createCampaignChapter(...this.#ids, body, this.opts(options));
  }

  /** Changes only the fields given; `null` clears a nullable field, `character_ids: []` clears the cast. */
  update(chapterId: string, patch: ChapterUpdate, options: RequestOptions = {}): Promise<Chapter> {
    return this.api.chapters.updateCampaignChapter(...this.#ids, chapterId, patch, this.opts(options));
  }

  delete(chapterId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.chapters.deleteCampaignChapter(...this.#ids, chapterId, this.opts(options));
  }

  /** Moves the chapter to position `number` (1-based); the other chapters shift. */
  renumber(chapterId: string, number: number, options: RequestOptions = {}): Promise<Chapter> {
    return this.api.chapters.renumberCampaignChapter(...this.#ids, chapterId, { number }, this.opts(options));
  }

  // ── notes ──

  getNotesPage(
    chapterId: string,
    params: PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<Note>> {
    return this.page(this.#notes(chapterId), params);
  }

  listAllNotes(chapterId: string, params: IterParams & RequestOptions = {}): Promise<Note[]> {
    return this.all(this.#notes(chapterId), params);
  }

  iterAllNotes(
    chapterId: string,
    params: IterParams & RequestOptions = {},
  ): AsyncGenerator<Note, void, undefined> {
    return this.iter(this.#notes(chapterId), params);
  }

  getNote(chapterId: string, noteId: string, options: RequestOptions = {}): Promise<Note> {
    return this.api.chapterNotes.getChapterNote(...this.#ids, chapterId, noteId, this.opts(options));
  }

  createNote(chapterId: string, note: NoteCreate, options: RequestOptions = {}): Promise<Note> {
    return this.api.chapterNotes.createChapterNote(...this.#ids, chapterId, note, this.opts(options));
  }

  updateNote(
    chapterId: string,
    noteId: string,
    patch: NoteUpdate,
    options: RequestOptions = {},
  ): Promise<Note> {
    return this.api.chapterNotes.updateChapterNote(
      ...this.#ids,
      chapterId,
      noteId,
      patch,
      this.opts(options),
    );
  }

  deleteNote(chapterId: string, noteId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.chapterNotes.deleteChapterNote(...this.#ids, chapterId, noteId, this.opts(options));
  }

  // ── assets ──

  getAssetsPage(
    chapterId: string,
    params: AssetFilters & PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<Asset>> {
    return this.page(this.#assets(chapterId), params);
  }

  listAllAssets(
    chapterId: string,
    params: AssetFilters & IterParams & RequestOptions = {},
  ): Promise<Asset[]> {
    return this.all(this.#assets(chapterId), params);
  }

  iterAllAssets(
    chapterId: string,
    params: AssetFilters & IterParams & RequestOptions = {},
  ): AsyncGenerator<Asset, void, undefined> {
    return this.iter(this.#assets(chapterId), params);
  }

  getAsset(chapterId: string, assetId: string, options: RequestOptions = {}): Promise<Asset> {
    return this.api.chapterAssets.getChapterAsset(...this.#ids, chapterId, assetId, this.opts(options));
  }

  deleteAsset(chapterId: string, assetId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.chapterAssets.deleteChapterAsset(...this.#ids, chapterId, assetId, this.opts(options));
  }

  uploadAsset(
    chapterId: string,
    filename: string,
    content: BlobPart,
    { contentType, ...options }: UploadOptions = {},
  ): Promise<Asset> {
    const body = { file: filePart(filename, content, contentType) };
    return this.api.chapterAssets.uploadChapterAsset(...this.#ids, chapterId, body, this.opts(options));
  }
}
