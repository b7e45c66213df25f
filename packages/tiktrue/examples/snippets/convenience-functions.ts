import { createApiClient, testBackendConnection } from '@sdkforge/tiktrue';

// Quick connection test: true or false, never throws.
const isConnected = await testBackendConnection(process.env.BACKEND_URL ?? 'https://api.tiktrue.com');
console.log(`Connected: ${isConnected}`);

// A client that has already checked `GET /health/` (throws ConnectionError / ServerError otherwise).
const client = await createApiClient({ baseUrl: process.env.BACKEND_URL ?? 'https://api.tiktrue.com' });
await client.close();
