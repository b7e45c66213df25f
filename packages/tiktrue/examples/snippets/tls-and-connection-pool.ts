import { readFileSync } from 'node:fs';
import { TikTrueClient } from '@sdkforge/tiktrue';

// TLS is verified against Node's CA store (TLS 1.2+); add a company CA, a proxy or pool limits through the
// `node` option (the Node transport: undici with keep-alive pooling). The guide's "5 connections per host":
const client = new TikTrueClient({
  baseUrl: process.env.BACKEND_URL ?? 'https://api.tiktrue.com',
  node: {
    connections: 5,
    ca: process.env.COMPANY_CA ? readFileSync(process.env.COMPANY_CA) : undefined,
    proxyFromEnv: true, // HTTPS_PROXY / NO_PROXY
  },
});
try {
  await client.testConnection();
} finally {
  await client.close(); // releases the pool's sockets
}
