import { type Fetch, SdkError, type ServiceHost, validateInput } from '@sdkforge/runtime';
import { downloadFile, downloadModel } from '#download';
import { ModelsOperations } from './generated/services.gen.js';
import { vCreateDownloadTokenPath } from './generated/validators.gen.js';
import type { FileDownloadOptions, FileDownloadResult } from './node/download-file.js';
import type { ModelDownloadOptions, ModelDownloadResult } from './node/download-model.js';

/** What the downloads need from the client: its services, its transport and its server root. */
export interface DownloadClient extends ServiceHost {
  readonly models: ModelsOperations;
  /** The client's transport (auth, retries, timeouts), handed to the runtime's downloads. */
  readonly transport: Fetch;
  /** Server root; the manifest's relative URLs resolve against it. */
  readonly baseUrl: string;
}

/**
 * The model catalogue, access checks and downloads (`client.models`): the generated methods plus
 * `download()` and `downloadFile()`, which write to disk (Node). Model routes take the model's UUID `id`.
 */
export class ModelsService extends ModelsOperations {
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
    return downloadModel(this.host as DownloadClient, modelId, dir, { ...options, concurrency });
  }

  /**
   * Downloads one file from a URL of the server's download routes (guide: `download_model_file`), e.g. a
   * manifest's relative `blocks[i].download_url`, to `localPath` (Node). The URL must point at this server:
   * the bearer token is sent nowhere else. Resolves with the file's size and SHA-256.
   */
  downloadFile(
    url: string,
    localPath: string,
    options: FileDownloadOptions = {},
  ): Promise<FileDownloadResult> {
    return downloadFile(this.host as DownloadClient, url, localPath, options);
  }
}
