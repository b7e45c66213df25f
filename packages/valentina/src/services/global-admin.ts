import type {
  AdminDeveloper,
  AdminDeveloperNewKey,
  AdminDeveloperPatch,
  AdminUser,
  AdminUserCreate,
  AdminUserPatch,
  AuditLogEntry,
  DeveloperCreate,
  LogLevel,
  ServerLogEntry,
  UserRole,
} from '../models.js';
import {
  type IterParams,
  type PageParams,
  type PaginatedResponse,
  type RequestOptions,
  Service,
} from './base.js';
import { type AuditLogFilters, auditQuery } from './shared.js';

type Paging = { limit: number; offset: number };

export interface DeveloperFilters {
  isGlobalAdmin?: boolean | undefined;
}

export interface AdminUserFilters {
  companyId?: string | undefined;
  role?: UserRole | undefined;
  email?: string | undefined;
  isArchived?: boolean | undefined;
}

export interface DeveloperAuditLogFilters extends AuditLogFilters {
  companyId?: string | undefined;
}

export interface TailLogsOptions extends RequestOptions {
  /** Only entries of this level. */
  level?: LogLevel | undefined;
  /** Newest entries to return, 1–500. @default 100 */
  limit?: number | undefined;
}

/** A downloaded server-log archive. */
export interface ServerLogArchive {
  filename: string;
  content: Uint8Array;
}

/** Developer accounts, users of every company and server logs (global-admin keys only). */
export class GlobalAdminService extends Service {
  #developers = ({ isGlobalAdmin, ...p }: DeveloperFilters & RequestOptions & Paging) =>
    this.api.globalAdmin.globalAdminListDevelopersPage({ ...this.opts(p), is_global_admin: isGlobalAdmin });

  #users = ({ companyId, isArchived, ...p }: AdminUserFilters & RequestOptions & Paging) =>
    this.api.globalAdmin.globalAdminListUsersPage({
      ...this.opts(p),
      company_id: companyId,
      is_archived: isArchived,
    });

  #auditLogs =
    (developerId: string) =>
    ({ companyId, ...p }: DeveloperAuditLogFilters & RequestOptions & Paging) =>
      this.api.globalAdmin.globalAdminListDeveloperAuditLogsPage(developerId, {
        ...this.opts(auditQuery(p)),
        company_id: companyId,
      });

  getDeveloperPage(
    params: DeveloperFilters & PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<AdminDeveloper>> {
    return this.page(this.#developers, params);
  }

  listAllDevelopers(params: DeveloperFilters & IterParams & RequestOptions = {}): Promise<AdminDeveloper[]> {
    return this.all(this.#developers, params);
  }

  iterAllDevelopers(
    params: DeveloperFilters & IterParams & RequestOptions = {},
  ): AsyncGenerator<AdminDeveloper, void, undefined> {
    return this.iter(this.#developers, params);
  }

  getDeveloper(developerId: string, options: RequestOptions = {}): Promise<AdminDeveloper> {
    return this.api.globalAdmin.globalAdminGetDeveloper(developerId, this.opts(options));
  }

  createDeveloper(body: DeveloperCreate, options: RequestOptions = {}): Promise<AdminDeveloper> {
    return this.api.globalAdmin.globalAdminCreateDeveloper(body, this.opts(options));
  }

  updateDeveloper(
    developerId: string,
    patch: AdminDeveloperPatch,
    options: RequestOptions = {},
  ): Promise<AdminDeveloper> {
    return this.api.globalAdmin.globalAdminUpdateDeveloper(developerId, patch, this.opts(options));
  }

  deleteDeveloper(developerId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.globalAdmin.globalAdminDeleteDeveloper(developerId, this.opts(options));
  }

  /** Issues a new API key for a developer (the old one stops working). */
  createApiKey(developerId: string, options: RequestOptions = {}): Promise<AdminDeveloperNewKey> {
    return this.api.globalAdmin.globalAdminCreateDeveloperApiKey(developerId, this.opts(options));
  }

  getUserPage(
    params: AdminUserFilters & PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<AdminUser>> {
    return this.page(this.#users, params);
  }

  listAllUsers(params: AdminUserFilters & IterParams & RequestOptions = {}): Promise<AdminUser[]> {
    return this.all(this.#users, params);
  }

  iterAllUsers(
    params: AdminUserFilters & IterParams & RequestOptions = {},
  ): AsyncGenerator<AdminUser, void, undefined> {
    return this.iter(this.#users, params);
  }

  getUser(userId: string, options: RequestOptions = {}): Promise<AdminUser> {
    return this.api.globalAdmin.globalAdminGetUser(userId, this.opts(options));
  }

  createUser(body: AdminUserCreate, options: RequestOptions = {}): Promise<AdminUser> {
    return this.api.globalAdmin.globalAdminCreateUser(body, this.opts(options));
  }

  updateUser(userId: string, patch: AdminUserPatch, options: RequestOptions = {}): Promise<AdminUser> {
    return this.api.globalAdmin.globalAdminUpdateUser(userId, patch, this.opts(options));
  }

  deleteUser(userId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.globalAdmin.globalAdminDeleteUser(userId, this.opts(options));
  }

  /** One page of what a developer did, newest first. */
  getAuditLogPage(
    developerId: string,
    params: DeveloperAuditLogFilters & PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<AuditLogEntry>> {
    return this.page(this.#auditLogs(developerId), params);
  }

  listAllAuditLogs(
    developerId: string,
    params: DeveloperAuditLogFilters & IterParams & RequestOptions = {},
  ): Promise<AuditLogEntry[]> {
    return this.all(this.#auditLogs(developerId), params);
  }

  iterAllAuditLogs(
    developerId: string,
    params: DeveloperAuditLogFilters & IterParams & RequestOptions = {},
  ): AsyncGenerator<AuditLogEntry, void, undefined> {
    return this.iter(this.#auditLogs(developerId), params);
  }

  /** The newest server log entries, newest first. */
  tailLogs({ level, limit = 100, ...options }: TailLogsOptions = {}): Promise<ServerLogEntry[]> {
    return this.api.globalAdmin.globalAdminTailServerLogs({ ...this.opts(options), level, limit });
  }

  /** The server's log files as one zip archive. */
  async downloadLogs(options: RequestOptions = {}): Promise<ServerLogArchive> {
    const { headers, ...rest } = this.opts(options);
    const response = await this.api.globalAdmin.globalAdminDownloadServerLogs({
      ...rest,
      headers: { Accept: 'application/zip', ...headers },
    });
    return {
      filename: filenameOf(response.headers.get('content-disposition')) ?? 'vapi-logs.zip',
      content: new Uint8Array(await response.arrayBuffer()),
    };
  }
}

/** The file name of a `Content-Disposition` header (`filename*=UTF-8''…` or `filename="…"`). */
export function filenameOf(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) return decodeURIComponent(extended[1].trim());
  const plain = /filename\s*=\s*(?:"([^"]+)"|([^;]+))/i.exec(header);
  return (plain?.[1] ?? plain?.[2])?.trim() || undefined;
}
