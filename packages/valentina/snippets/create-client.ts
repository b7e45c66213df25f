import { ValentinaClient } from '@sdkforge/valentina';

// The client registers itself as the default client of the service factories.
const client = new ValentinaClient({
  baseUrl: 'https://api.valentina-noir.com',
  apiKey: process.env.VALENTINA_CLIENT_API_KEY,
});

export { client };
