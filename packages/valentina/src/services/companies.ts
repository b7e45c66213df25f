import type {
  AuditLogEntry,
  Company,
  CompanyCreate,
  CompanyPatch,
  CompanyPermission,
  CompanyPermissionLevel,
  NewCompany,
  RollStatistics,
} from '../models.js';
import {
  type IterParams,
  type PageParams,
  type PaginatedResponse,
  type RequestOptions,
  Service,
} from './base.js';
import { type AuditLogFilters, auditQuery, type StatisticsOptions } from './shared.js';

/** Companies you can reach with your API key: CRUD, developer access, statistics and audit logs. */
export class CompaniesService extends Service {
  #companies = (p: RequestOptions & { limit: number; offset: number }) =>
    this.api.companies.listCompaniesPage(this.opts(p));

  #auditLogs =
    (companyId: string) => (p: AuditLogFilters & RequestOptions & { limit: number; offset: number }) =>
      this.api.companies.listCompanyAuditLogsPage(companyId, this.opts(auditQuery(p)));

  /** One page of the companies you have access to. */
  getPage(params: PageParams & RequestOptions = {}): Promise<PaginatedResponse<Company>> {
    return this.page(this.#companies, params);
  }

  /** Every company you have access to. */
  listAll(params: IterParams & RequestOptions = {}): Promise<Company[]> {
    return this.all(this.#companies, params);
  }

  /** Every company you have access to, one at a time (`for await`). */
  iterAll(params: IterParams & RequestOptions = {}): AsyncGenerator<Company, void, undefined> {
    return this.iter(this.#companies, params);
  }

  get(companyId: string, options: RequestOptions = {}): Promise<Company> {
    return this.api.companies.getCompany(companyId, this.opts(options));
  }

  /** Creates a company; you become its `OWNER` and an `ADMIN` user is created for you in it. */
  create(body: CompanyCreate, options: RequestOptions = {}): Promise<NewCompany> {
    return this.api.companies.createCompany(body, this.opts(options));
  }

  /** Changes only the fields given; `null` clears a nullable field. */
  update(companyId: string, patch: CompanyPatch, options: RequestOptions = {}): Promise<Company> {
    return this.api.companies.updateCompany(companyId, patch, this.opts(options));
  }

  delete(companyId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.companies.deleteCompany(companyId, this.opts(options));
  }

  /** Grants, changes or (with `REVOKE`) removes a developer's permission on the company. */
  grantAccess(
    companyId: string,
    developerId: string,
    permission: CompanyPermissionLevel,
    options: RequestOptions = {},
  ): Promise<CompanyPermission> {
    return this.api.companies.addDeveloperToCompany(
      companyId,
      { developer_id: developerId, permission },
      this.opts(options),
    );
  }

  /** Dice-roll statistics of the whole company. */
  getStatistics(
    companyId: string,
    { numTopTraits, ...options }: StatisticsOptions = {},
  ): Promise<RollStatistics> {
    return this.api.statistics.getCompanyStatistics(companyId, {
      ...this.opts(options),
      num_top_traits: numTopTraits,
    });
  }

  /** One page of the company's audit log, newest first. */
  getAuditLogPage(
    companyId: string,
    params: AuditLogFilters & PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<AuditLogEntry>> {
    return this.page(this.#auditLogs(companyId), params);
  }

  listAllAuditLogs(
    companyId: string,
    params: AuditLogFilters & IterParams & RequestOptions = {},
  ): Promise<AuditLogEntry[]> {
    return this.all(this.#auditLogs(companyId), params);
  }

  iterAllAuditLogs(
    companyId: string,
    params: AuditLogFilters & IterParams & RequestOptions = {},
  ): AsyncGenerator<AuditLogEntry, void, undefined> {
    return this.iter(this.#auditLogs(companyId), params);
  }
}
