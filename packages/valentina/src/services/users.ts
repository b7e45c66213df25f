import type {
  Asset,
  CampaignExperience,
  IdentityProvider,
  LinkIdentityRequest,
  Note,
  NoteCreate,
  NoteUpdate,
  Quickroll,
  QuickrollCreate,
  QuickrollPatch,
  RollStatistics,
  User,
  UserApprove,
  UserCreate,
  UserDetail,
  UserInclude,
  UserPatch,
  UserRole,
} from '../models.js';
import {
  CompanyService,
  filePart,
  type IterParams,
  type PageParams,
  type PaginatedResponse,
  type RequestOptions,
} from './base.js';
import type { AssetFilters, StatisticsOptions, UploadOptions } from './shared.js';

type Paging = RequestOptions & { limit: number; offset: number };

export interface UserFilters {
  userRole?: UserRole | undefined;
  email?: string | undefined;
}

export interface GetUserOptions extends RequestOptions {
  /** Children to embed: `quickrolls`, `notes`, `assets`, `characters`. */
  include?: UserInclude[] | undefined;
}

/**
 * The users of one company: CRUD, approval, identities, avatar, experience, notes, assets and
 * quick rolls. Calls that change users act on behalf of the service's `userId`.
 */
export class UsersService extends CompanyService {
  #users = ({ userRole, ...p }: UserFilters & Paging) =>
    this.api.users.listUsersPage(this.companyId, { ...this.opts(p), user_role: userRole });
  #unapproved = (p: Paging) =>
    this.api.users.listUnapprovedUsersPage(this.companyId, this.acting('listUnapprovedUsers', p));
  #assets =
    (userId: string) =>
    ({ assetType, ...p }: AssetFilters & Paging) =>
      this.api.userAssets.listUserAssetsPage(this.companyId, userId, {
        ...this.opts(p),
        asset_type: assetType,
      });
  #notes = (userId: string) => (p: Paging) =>
    this.api.userNotes.listUserNotesPage(this.companyId, userId, this.opts(p));
  #quickrolls = (userId: string) => (p: Paging) =>
    this.api.userQuickrolls.listUserQuickrollsPage(this.companyId, userId, this.opts(p));

  getPage(params: UserFilters & PageParams & RequestOptions = {}): Promise<PaginatedResponse<User>> {
    return this.page(this.#users, params);
  }

  listAll(params: UserFilters & IterParams & RequestOptions = {}): Promise<User[]> {
    return this.all(this.#users, params);
  }

  iterAll(params: UserFilters & IterParams & RequestOptions = {}): AsyncGenerator<User, void, undefined> {
    return this.iter(this.#users, params);
  }

  get(userId: string, { include, ...options }: GetUserOptions = {}): Promise<UserDetail> {
    return this.api.users.getUser(this.companyId, userId, { ...this.opts(options), include });
  }

  async create(body: UserCreate, options: RequestOptions = {}): Promise<User> {
    return this.api.users.createUser(this.companyId, body, this.acting('createUser', options));
  }

  /** Changes only the fields given; `null` clears a nullable field. */
  async update(userId: string, patch: UserPatch, options: RequestOptions = {}): Promise<User> {
    return this.api.users.updateUser(this.companyId, userId, patch, this.acting('updateUser', options));
  }

  async delete(userId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.users.deleteUser(this.companyId, userId, this.acting('deleteUser', options));
  }

  getUnapprovedPage(params: PageParams & RequestOptions = {}): Promise<PaginatedResponse<User>> {
    return this.page(this.#unapproved, params);
  }

  listAllUnapproved(params: IterParams & RequestOptions = {}): Promise<User[]> {
    return this.all(this.#unapproved, params);
  }

  iterAllUnapproved(params: IterParams & RequestOptions = {}): AsyncGenerator<User, void, undefined> {
    return this.iter(this.#unapproved, params);
  }

  async approveUser(userId: string, role: UserApprove['role'], options: RequestOptions = {}): Promise<User> {
    return this.api.users.approveUser(this.companyId, userId, { role }, this.acting('approveUser', options));
  }

  async denyUser(userId: string, options: RequestOptions = {}): Promise<void> {
    await this.api.users.denyUser(this.companyId, userId, this.acting('denyUser', options));
  }

  /** Moves everything of `secondaryUserId` to `primaryUserId` and archives the secondary user. */
  async merge(primaryUserId: string, secondaryUserId: string, options: RequestOptions = {}): Promise<User> {
    return this.api.users.mergeUsers(
      this.companyId,
      { primary_user_id: primaryUserId, secondary_user_id: secondaryUserId },
      this.acting('mergeUsers', options),
    );
  }

  async linkIdentity(
    userId: string,
    identity: LinkIdentityRequest,
    options: RequestOptions = {},
  ): Promise<User> {
    return this.api.users.linkUserIdentity(
      this.companyId,
      userId,
      identity,
      this.acting('linkUserIdentity', options),
    );
  }

  async unlinkIdentity(
    userId: string,
    provider: IdentityProvider,
    options: RequestOptions = {},
  ): Promise<User> {
    return this.api.users.unlinkUserIdentity(
      this.companyId,
      userId,
      provider,
      this.acting('unlinkUserIdentity', options),
    );
  }

  getStatistics(
    userId: string,
    { numTopTraits, ...options }: StatisticsOptions = {},
  ): Promise<RollStatistics> {
    return this.api.statistics.getUserStatistics(this.companyId, userId, {
      ...this.opts(options),
      num_top_traits: numTopTraits,
    });
  }

  // ── assets and avatar ──

  getAssetsPage(
    userId: string,
    params: AssetFilters & PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<Asset>> {
    return this.page(this.#assets(userId), params);
  }

  listAllAssets(userId: string, params: AssetFilters & IterParams & RequestOptions = {}): Promise<Asset[]> {
    return this.all(this.#assets(userId), params);
  }

  iterAllAssets(
    userId: string,
    params: AssetFilters & IterParams & RequestOptions = {},
  ): AsyncGenerator<Asset, void, undefined> {
    return this.iter(this.#assets(userId), params);
  }

  getAsset(userId: string, assetId: string, options: RequestOptions = {}): Promise<Asset> {
    return this.api.userAssets.getUserAsset(this.companyId, userId, assetId, this.opts(options));
  }

  deleteAsset(userId: string, assetId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.userAssets.deleteUserAsset(this.companyId, userId, assetId, this.opts(options));
  }

  /** Uploads a file (at most 5 MiB); its media type is guessed from `filename` unless given. */
  async uploadAsset(
    userId: string,
    filename: string,
    content: BlobPart,
    { contentType, ...options }: UploadOptions = {},
  ): Promise<Asset> {
    return this.api.userAssets.uploadUserAsset(
      this.companyId,
      userId,
      { file: filePart(filename, content, contentType) },
      this.acting('uploadUserAsset', options),
    );
  }

  /** Sets the user's avatar (PNG, JPEG, WEBP or GIF). */
  async uploadAvatar(
    userId: string,
    filename: string,
    content: BlobPart,
    { contentType, ...options }: UploadOptions = {},
  ): Promise<User> {
    return this.api.users.setUserAvatar(
      this.companyId,
      userId,
      { file: filePart(filename, content, contentType) },
      this.acting('setUserAvatar', options),
    );
  }

  async deleteAvatar(userId: string, options: RequestOptions = {}): Promise<User> {
    return this.api.users.deleteUserAvatar(this.companyId, userId, this.acting('deleteUserAvatar', options));
  }

  // ── experience ──

  getExperience(
    userId: string,
    campaignId: string,
    options: RequestOptions = {},
  ): Promise<CampaignExperience> {
    return this.api.userExperience.getCampaignExperience(
      this.companyId,
      userId,
      campaignId,
      this.opts(options),
    );
  }

  async addXp(
    userId: string,
    campaignId: string,
    amount: number,
    options: RequestOptions = {},
  ): Promise<CampaignExperience> {
    const body = { amount, campaign_id: campaignId };
    return this.api.userExperience.addXp(this.companyId, userId, body, this.acting('addXp', options));
  }

  async removeXp(
    userId: string,
    campaignId: string,
    amount: number,
    options: RequestOptions = {},
  ): Promise<CampaignExperience> {
    const body = { amount, campaign_id: campaignId };
    return this.api.userExperience.removeXp(this.companyId, userId, body, this.acting('removeXp', options));
  }

  async addCoolPoints(
    userId: string,
    campaignId: string,
    amount: number,
    options: RequestOptions = {},
  ): Promise<CampaignExperience> {
    const body = { amount, campaign_id: campaignId };
    return this.api.userExperience.addCpToCampaignExperience(
      this.companyId,
      userId,
      body,
      this.acting('addCpToCampaignExperience', options),
    );
  }

  // ── notes ──

  getNotesPage(userId: string, params: PageParams & RequestOptions = {}): Promise<PaginatedResponse<Note>> {
    return this.page(this.#notes(userId), params);
  }

  listAllNotes(userId: string, params: IterParams & RequestOptions = {}): Promise<Note[]> {
    return this.all(this.#notes(userId), params);
  }

  iterAllNotes(
    userId: string,
    params: IterParams & RequestOptions = {},
  ): AsyncGenerator<Note, void, undefined> {
    return this.iter(this.#notes(userId), params);
  }

  getNote(userId: string, noteId: string, options: RequestOptions = {}): Promise<Note> {
    return this.api.userNotes.getUserNote(this.companyId, userId, noteId, this.opts(options));
  }

  createNote(userId: string, note: NoteCreate, options: RequestOptions = {}): Promise<Note> {
    return this.api.userNotes.createUserNote(this.companyId, userId, note, this.opts(options));
  }

  updateNote(userId: string, noteId: string, patch: NoteUpdate, options: RequestOptions = {}): Promise<Note> {
    return this.api.userNotes.updateUserNote(this.companyId, userId, noteId, patch, this.opts(options));
  }

  deleteNote(userId: string, noteId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.userNotes.deleteUserNote(this.companyId, userId, noteId, this.opts(options));
  }

  // ── quick rolls ──

  getQuickrollsPage(
    userId: string,
    params: PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<Quickroll>> {
    return this.page(this.#quickrolls(userId), params);
  }

  listAllQuickrolls(userId: string, params: IterParams & RequestOptions = {}): Promise<Quickroll[]> {
    return this.all(this.#quickrolls(userId), params);
  }

  iterAllQuickrolls(
    userId: string,
    params: IterParams & RequestOptions = {},
  ): AsyncGenerator<Quickroll, void, undefined> {
    return this.iter(this.#quickrolls(userId), params);
  }

  getQuickroll(userId: string, quickrollId: string, options: RequestOptions = {}): Promise<Quickroll> {
    return this.api.userQuickrolls.getUserQuickroll(this.companyId, userId, quickrollId, this.opts(options));
  }

  async createQuickroll(
    userId: string,
    quickroll: QuickrollCreate,
    options: RequestOptions = {},
  ): Promise<Quickroll> {
    return this.api.userQuickrolls.createUserQuickroll(
      this.companyId,
      userId,
      quickroll,
      this.acting('createUserQuickroll', options),
    );
  }

  async updateQuickroll(
    userId: string,
    quickrollId: string,
    patch: QuickrollPatch,
    options: RequestOptions = {},
  ): Promise<Quickroll> {
    return this.api.userQuickrolls.updateUserQuickroll(
      this.companyId,
      userId,
      quickrollId,
      patch,
      this.acting('updateUserQuickroll', options),
    );
  }

  async deleteQuickroll(userId: string, quickrollId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.userQuickrolls.deleteUserQuickroll(
      this.companyId,
      userId,
      quickrollId,
      this.acting('deleteUserQuickroll', options),
    );
  }
}
