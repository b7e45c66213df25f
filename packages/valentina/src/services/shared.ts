/** Parameter types several services share: audit-log filters, statistics, asset uploads. */
import type { AssetType, AuditEntityType, AuditLogInclude, AuditOperation } from '../models.js';
import { isoDateTime, type RequestOptions } from './base.js';

/** Filters of the audit-log collections (companies and global admin). */
export interface AuditLogFilters {
  actingUserId?: string | undefined;
  userId?: string | undefined;
  campaignId?: string | undefined;
  bookId?: string | undefined;
  chapterId?: string | undefined;
  characterId?: string | undefined;
  entityType?: AuditEntityType | undefined;
  operation?: AuditOperation | undefined;
  /** Entries created at or after this instant. */
  dateFrom?: Date | string | undefined;
  /** Entries created at or before this instant. */
  dateTo?: Date | string | undefined;
  /** `['request_details']` embeds the raw request in each entry (`AuditLogDetail`). */
  include?: AuditLogInclude[] | undefined;
}

/** camelCase audit filters → the query parameters the server reads. */
export function auditQuery<P extends AuditLogFilters>(params: P) {
  const {
    actingUserId,
    userId,
    campaignId,
    bookId,
    chapterId,
    characterId,
    entityType,
    operation,
    dateFrom,
    dateTo,
    include,
    ...rest
  } = params;
  return {
    ...rest,
    acting_user_id: actingUserId,
    user_id: userId,
    campaign_id: campaignId,
    book_id: bookId,
    chapter_id: chapterId,
    character_id: characterId,
    entity_type: entityType,
    operation,
    date_from: isoDateTime(dateFrom),
    date_to: isoDateTime(dateTo),
    include,
  };
}

/** Options of the roll-statistics calls. */
export interface StatisticsOptions extends RequestOptions {
  /** How many of the most-rolled traits to return. @default 5 */
  numTopTraits?: number | undefined;
}

/** Filter of the asset collections. */
export interface AssetFilters {
  assetType?: AssetType | undefined;
}

/** Options of an upload: the file's media type (guessed from its name when omitted). */
export interface UploadOptions extends RequestOptions {
  contentType?: string | undefined;
}
