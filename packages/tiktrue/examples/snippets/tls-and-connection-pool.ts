import { readFileSync } from 'node:fs';
import { TikTrueClient } from '@sdkforge/tiktrue';
import { nodeTransport } from '@sdkforge/tiktrue/node';

// TLS is verified against Node's CA store (TLS 1.2+); add a company CA, a proxy or pool limits through the
// Node transport (undici, keep-alive pooling). The guide's "5 connections per host":
const transport = nodeTransport({
  connections: 5,
  ca: process.env.COMPANY_CA ? readFileSync(process.env.COMPANY_CA) : undefined,
  proxyFromEnv: true, // HTTPS_PROXY / NO_PROXY
});
const client = new TikTrueClient({ baseUrl: 'https://api.tiktrue.com', fetch: transport });
try {
  await client.testConnection();
} finally {
  await client.close();
  await transport.close(); // the transport is yours: close it when the last client is done
}
