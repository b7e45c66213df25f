import { type APIConfig, ValentinaClient } from '@sdkforge/valentina';

const config: APIConfig = {
  baseUrl: 'https://api.valentina-noir.com',
  apiKey: 'your-api-key',
  timeout: 30_000,
  maxRetries: 3,
  retryDelay: 1_000,
  autoRetryRateLimit: true,
};

const client = new ValentinaClient({ config });

export { client };
