import { type Fetch, SdkError, validateInput } from '@sdkforge/runtime';
import { downloadFile, downloadModel } from '#download';
import { vCreateDownloadTokenPath } from './generated/validators.gen.js';
import type { FileDownloadOptions, FileDownloadResult } from './node/download-file.js';
import type { ModelDownloadOptions, ModelDownloadResult } from './node/download-model.js';
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

  /**
   * Downloads a whole model into `dir` (Node): a download token, its manifest, then every block, the
   * tokenizer and the metadata file, `concurrency` at a time, each streamed to `<name>.part` and renamed
   * when complete, with one aggregated progress. `dir/manifest.json` records each file's size and SHA-256;
   * calling again keeps intact files, fetches missing or damaged ones, and costs no request once the model
   * is complete. The server is told (`completeDownload`) when every file is there. An expired token (410)
   * is replaced once for all files.
   *
   * @example
   * const result = await client.models.download(model.id, './models/llama', {
   *   onProgress: ({ received, total, files }) => console.log(received, total, files.done),
   * });
   */
  async download(
    modelId: string,
    dir: string,
    options: ModelDownloadOptions = {},
  ): Promise<ModelDownloadResult> {
    validateInput('download', { path: vCreateDownloadTokenPath }, { path: { model_id: modelId } });
    const concurrency = options.concurrency ?? 4;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new SdkError(`download: concurrency must be a positive integer, got ${concurrency}`);
    }
    return downloadModel({ api: this.#api, transport: this.#context.transport }, modelId, dir, {
      ...options,
      concurrency,
    });
  }

  /**
   * Downloads one file from a URL of the server's download routes (guide: `download_model_file`), e.g. a
   * manifest's relative `blocks[i].download_url`, to `localPath` (Node). The URL must point at this server:
   * the bearer token is sent nowhere else. Resolves with the file's size and SHA-256.
   */
  async downloadFile(
    url: string,
    localPath: string,
    options: FileDownloadOptions = {},
  ): Promise<FileDownloadResult> {
    return downloadFile(this.#api, this.#context.baseUrl, url, localPath, options);
  }
}
