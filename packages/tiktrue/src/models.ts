import type { Fetch } from '@sdkforge/runtime';
import type {
  CallOptions,
  CheckModelAccessResult,
  CreateDownloadTokenResult,
  GetAccessSummaryResult,
  GetAvailableModelsResult,
  GetDownloadManifestResult,
  GetModelAnalyticsResult,
  GetModelMetadataResult,
  GetSubscriptionLimitsResult,
  GetSystemAnalyticsResult,
  GetUserAnalyticsResult,
  Resources,
  ValidateBulkAccessResult,
} from './types.js';

/** What the models service needs from its client beyond the generated resources. */
export interface ModelsContext {
  /** Server root; the manifest's relative URLs resolve against it. */
  readonly baseUrl: string;
  /** The client's transport (auth, retries, timeouts), for the manifest's file URLs. */
  readonly transport: Fetch;
}

/**
 * The model catalogue, access checks and downloads (`client.models`). Model routes take the model's UUID
 * `id` (not its slug `name`).
 */
export class ModelsService {
  readonly #api: Resources;
  readonly #context: ModelsContext;

  constructor(api: Resources, context: ModelsContext) {
    this.#api = api;
    this.#context = context;
  }

  /**
   * Models the user may download and the ones the plan restricts (guide: `get_available_models`; the list
   * is `available_models`, each with `id`, `name` (slug), `display_name`, `file_size` in bytes, `block_count`).
   */
  available(options: CallOptions = {}): Promise<GetAvailableModelsResult> {
    return this.#api.models.getAvailableModels(options);
  }

  /** One model's catalogue record (guide: `get_model_metadata`). */
  metadata(modelId: string, options: CallOptions = {}): Promise<GetModelMetadataResult> {
    return this.#api.models.getModelMetadata(modelId, options);
  }

  /**
   * Starts a download (guide: `get_model_download_url`): a one-hour `download_token` and the RELATIVE
   * `download_url` of its manifest. `models.download()` does this and everything after it.
   */
  downloadUrl(modelId: string, options: CallOptions = {}): Promise<CreateDownloadTokenResult> {
    return this.#api.models.createDownloadToken(modelId, options);
  }

  /** The manifest of a download token: blocks (with sizes and relative URLs), tokenizer and metadata. */
  manifest(downloadToken: string, options: CallOptions = {}): Promise<GetDownloadManifestResult> {
    return this.#api.models.getDownloadManifest(downloadToken, options);
  }

  /** Whether the user may download this model now (plan, daily and concurrent limits). */
  checkAccess(modelId: string, options: CallOptions = {}): Promise<CheckModelAccessResult> {
    return this.#api.models.checkModelAccess(modelId, options);
  }

  /** Access checks for several models by slug. */
  checkAccessBulk(
    modelNames: readonly string[],
    options: CallOptions = {},
  ): Promise<ValidateBulkAccessResult> {
    return this.#api.models.validateBulkAccess({ model_names: [...modelNames] }, options);
  }

  /** Plan, limits, per-model access and 30-day usage. */
  accessSummary(options: CallOptions = {}): Promise<GetAccessSummaryResult> {
    return this.#api.models.getAccessSummary(options);
  }

  /** Download limits, today's usage and what remains (`-1` = unlimited). */
  limits(options: CallOptions = {}): Promise<GetSubscriptionLimitsResult> {
    return this.#api.models.getSubscriptionLimits(options);
  }

  /** The user's download statistics over the last `days` (default 30). */
  analytics(days?: number, options: CallOptions = {}): Promise<GetUserAnalyticsResult> {
    return this.#api.models.getUserAnalytics({ days, ...options });
  }

  /** Download statistics of one model (staff only). */
  modelAnalytics(
    modelId: string,
    days?: number,
    options: CallOptions = {},
  ): Promise<GetModelAnalyticsResult> {
    return this.#api.models.getModelAnalytics(modelId, { days, ...options });
  }

  /** System-wide download statistics (staff only). */
  systemAnalytics(days?: number, options: CallOptions = {}): Promise<GetSystemAnalyticsResult> {
    return this.#api.models.getSystemAnalytics({ days, ...options });
  }

  /** @internal */
  get context(): ModelsContext {
    return this.#context;
  }
}
