import { type CallOptions, SdkError } from '@sdkforge/runtime';
import type { components } from '../generated/schema.gen.js';
import type { Resources } from '../types.js';

type DownloadManifest = components['schemas']['DownloadManifest'];

/** A download token and the manifest it gives. */
export interface DownloadGrant {
  token: string;
  manifest: DownloadManifest;
}

/** At most this many new tokens per `models.download()` call after the first one. */
const MAX_RENEWALS = 3;

/**
 * The download token of one `models.download()` call. A token lives one hour: when a file request says it
 * has expired (410, or 404 "Invalid or expired download token"), the first file to notice asks for a new
 * token and manifest and every other file waits for that same one (single-flight), then retries.
 */
export class DownloadSession {
  readonly #api: Resources;
  readonly #modelId: string;
  readonly #options: CallOptions;
  #current: Promise<DownloadGrant> | undefined;
  #renewals = 0;
  /** Every token this call obtained, oldest first. */
  readonly tokens: string[] = [];

  constructor(api: Resources, modelId: string, options: CallOptions) {
    this.#api = api;
    this.#modelId = modelId;
    this.#options = options;
  }

  /** The current grant (asks for the first one on first use). */
  grant(): Promise<DownloadGrant> {
    this.#current ??= this.#open();
    return this.#current;
  }

  /**
   * A fresh grant to replace `stale`; concurrent callers holding the same stale token share one request.
   * Throws `error` when the renewal budget is spent.
   */
  async renew(stale: DownloadGrant, error: unknown): Promise<DownloadGrant> {
    const current = await this.grant();
    if (current.token !== stale.token) return current;
    if (this.#renewals >= MAX_RENEWALS) throw error;
    this.#renewals++;
    this.#current = this.#open();
    return this.#current;
  }

  async #open(): Promise<DownloadGrant> {
    const { download_token: token } = await this.#api.models.createDownloadToken(
      this.#modelId,
      this.#options,
    );
    this.tokens.push(token);
    const manifest = await this.#api.models.getDownloadManifest(token, this.#options);
    return { token, manifest };
  }
}

/** True when a file request failed because its download token expired or is no longer known. */
export function isStaleToken(error: unknown): boolean {
  if (!SdkError.is(error)) return false;
  const { status, body } = error as { status?: number; body?: { error?: unknown } };
  if (status === 410) return true;
  return status === 404 && body?.error === 'Invalid or expired download token';
}
