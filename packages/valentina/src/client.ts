import { ApiClient, apiKeyAuth, createSdkTransport, type Fetch, type Policy } from '@sdkforge/runtime';
import { API_BASE_PATH, createResources, type Resources } from './generated/resources.gen.js';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

export const DEFAULT_BASE_URL = 'https://api.valentina-noir.com';

export interface ValentinaClientOptions {
  /** Server root (the SDK adds `/api/v1`). @default 'https://api.valentina-noir.com' */
  baseUrl?: string;
  /** Developer API key, sent as `X-API-KEY`. @default process.env.VALENTINA_API_KEY */
  apiKey?: string;
  /** Check every call's input against the API's schema before sending. @default true */
  validateRequests?: boolean;
  /** Replace the base fetch (tests, custom agents). */
  fetch?: Fetch;
  /** Extra transport policies, outermost first. */
  policies?: readonly Policy[];
}

/** A client for the Valentina Noir API. `client.api.<resource>.<operation>()` calls any operation. */
export class ValentinaClient {
  /** Every operation of the API, grouped by resource (one method per operationId). */
  readonly api: Resources;
  readonly baseUrl: string;

  constructor(options: ValentinaClientOptions = {}) {
    const apiKey = options.apiKey ?? process.env.VALENTINA_API_KEY;
    if (!apiKey)
      throw new TypeError('ValentinaClient needs an apiKey (or the VALENTINA_API_KEY environment variable)');
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    const transport = createSdkTransport({
      fetch: options.fetch,
      auth: apiKeyAuth({ key: apiKey, header: 'X-API-KEY' }),
      policies: options.policies,
    });
    const engine = new ApiClient({
      baseUrl: this.baseUrl,
      basePath: API_BASE_PATH,
      transport,
      validateRequests: options.validateRequests,
    });
    this.api = createResources(engine);
  }

  [inspectSymbol](): string {
    return `ValentinaClient { baseUrl: '${this.baseUrl}', apiKey: [REDACTED] }`;
  }
}
