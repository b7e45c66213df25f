import type {
  Asset,
  Book,
  BookCreate,
  BookDetail,
  BookInclude,
  BookUpdate,
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

export interface GetBookOptions extends RequestOptions {
  /** Children to embed: `chapters`, `notes`, `assets`. */
  include?: BookInclude[] | undefined;
}

/** The books of one campaign, with their notes and assets, used on behalf of `userId`. */
export class BooksService extends ActingService {
  /** The campaign the books belong to. */
  readonly campaignId: string;

  constructor(host: ServiceHost, scope: { companyId: string; userId: string; campaignId: string }) {
    super(host, scope);
    this.campaignId = scope.campaignId;
  }

  #books = (p: Paging) => this.api.books.listCampaignBooksPage(this.companyId, this.campaignId, this.opts(p));
  #notes = (bookId: string) => (p: Paging) =>
    this.api.bookNotes.listBookNotesPage(this.companyId, this.campaignId, bookId, this.opts(p));
  #assets =
    (bookId: string) =>
    ({ assetType, ...p }: AssetFilters & Paging) =>
      this.api.bookAssets.listBookAssetsPage(this.companyId, this.campaignId, bookId, {
        ...this.opts(p),
        asset_type: assetType,
      });

  getPage(params: PageParams & RequestOptions = {}): Promise<PaginatedResponse<Book>> {
    return this.page(this.#books, params);
  }

  listAll(params: IterParams & RequestOptions = {}): Promise<Book[]> {
    return this.all(this.#books, params);
  }

  iterAll(params: IterParams & RequestOptions = {}): AsyncGenerator<Book, void, undefined> {
    return this.iter(this.#books, params);
  }

  get(bookId: string, { include, ...options }: GetBookOptions = {}): Promise<BookDetail> {
    return this.api.books.getCampaignBook(this.companyId, this.campaignId, bookId, {
      ...this.opts(options),
      include,
    });
  }

  create(body: BookCreate, options: RequestOptions = {}): Promise<Book> {
    return this.api.books.createCampaignBook(this.companyId, this.campaignId, body, this.opts(options));
  }

  /** Changes only the fields given; `null` clears a nullable field. */
  update(bookId: string, patch: BookUpdate, options: RequestOptions = {}): Promise<Book> {
    return this.api.books.updateCampaignBook(
      this.companyId,
      this.campaignId,
      bookId,
      patch,
      this.opts(options),
    );
  }

  delete(bookId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.books.deleteCampaignBook(this.companyId, this.campaignId, bookId, this.opts(options));
  }

  /** Moves the book to position `number` (1-based); the other books shift. */
  renumber(bookId: string, number: number, options: RequestOptions = {}): Promise<Book> {
    return this.api.books.renumberCampaignBook(
      this.companyId,
      this.campaignId,
      bookId,
      { number },
      this.opts(options),
    );
  }

  // ── notes ──

  getNotesPage(bookId: string, params: PageParams & RequestOptions = {}): Promise<PaginatedResponse<Note>> {
    return this.page(this.#notes(bookId), params);
  }

  listAllNotes(bookId: string, params: IterParams & RequestOptions = {}): Promise<Note[]> {
    return this.all(this.#notes(bookId), params);
  }

  iterAllNotes(
    bookId: string,
    params: IterParams & RequestOptions = {},
  ): AsyncGenerator<Note, void, undefined> {
    return this.iter(this.#notes(bookId), params);
  }

  getNote(bookId: string, noteId: string, options: RequestOptions = {}): Promise<Note> {
    return this.api.bookNotes.getBookNote(
      this.companyId,
      this.campaignId,
      bookId,
      noteId,
      this.opts(options),
    );
  }

  createNote(bookId: string, note: NoteCreate, options: RequestOptions = {}): Promise<Note> {
    return this.api.bookNotes.createBookNote(
      this.companyId,
      this.campaignId,
      bookId,
      note,
      this.opts(options),
    );
  }

  updateNote(bookId: string, noteId: string, patch: NoteUpdate, options: RequestOptions = {}): Promise<Note> {
    return this.api.bookNotes.updateBookNote(
      this.companyId,
      this.campaignId,
      bookId,
      noteId,
      patch,
      this.opts(options),
    );
  }

  deleteNote(bookId: string, noteId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.bookNotes.deleteBookNote(
      this.companyId,
      this.campaignId,
      bookId,
      noteId,
      this.opts(options),
    );
  }

  // ── assets ──

  getAssetsPage(
    bookId: string,
    params: AssetFilters & PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<Asset>> {
    return this.page(this.#assets(bookId), params);
  }

  listAllAssets(bookId: string, params: AssetFilters & IterParams & RequestOptions = {}): Promise<Asset[]> {
    return this.all(this.#assets(bookId), params);
  }

  iterAllAssets(
    bookId: string,
    params: AssetFilters & IterParams & RequestOptions = {},
  ): AsyncGenerator<Asset, void, undefined> {
    return this.iter(this.#assets(bookId), params);
  }

  getAsset(bookId: string, assetId: string, options: RequestOptions = {}): Promise<Asset> {
    return this.api.bookAssets.getBookAsset(
      this.companyId,
      this.campaignId,
      bookId,
      assetId,
      this.opts(options),
    );
  }

  deleteAsset(bookId: string, assetId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.bookAssets.deleteBookAsset(
      this.companyId,
      this.campaignId,
      bookId,
      assetId,
      this.opts(options),
    );
  }

  uploadAsset(
    bookId: string,
    filename: string,
    content: BlobPart,
    { contentType, ...options }: UploadOptions = {},
  ): Promise<Asset> {
    const body = { file: filePart(filename, content, contentType) };
    return this.api.bookAssets.uploadBookAsset(
      this.companyId,
      this.campaignId,
      bookId,
      body,
      this.opts(options),
    );
  }
}
