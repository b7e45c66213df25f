import { createApiClient, testBackendConnection } from '@sdkforge/tiktrue';

// Quick connection test: true or false, never throws.
const isConnected = await testBackendConnection('https://api.tiktrue.com');
console.log(`Connected: ${isConnected}`);

// A client that has already checked `GET /health/` (throws ConnectionError / ServerError otherwise).
const client = await createApiClient({ baseUrl: 'https://api.tiktrue.com' });
await client.close();
