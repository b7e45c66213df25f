import { ValentinaClient } from '@sdkforge/valentina';

const client = new ValentinaClient({
  baseUrl: 'https://api.valentina-noir.com',
  apiKey: 'your-api-key',
  timeout: 30_000, // milliseconds
});

export { client };
