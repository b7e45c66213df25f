import { readFileSync } from 'node:fs';
import { AvatarClient, MemoryTokenStore } from '@sdkforge/avatar';

const client = new AvatarClient({
  baseUrl: 'https://avatar.internal.example/api',
  apiKey: 'your-api-key',
  timeout: 30_000, // ms per attempt
  deadline: 120_000, // ms for the whole call, retries included
  retry: { maxRetries: 4, maxDelay: 20_000 }, // or `false`
  ca: readFileSync('company-root-ca.pem'), // trust a private CA (API and storage); verifySsl: false skips checks
  verifyAuth: true, // refuse calls that need credentials when there are none (the default)
  logLevel: 'info', // or AVATAR_LOG=info; credentials are redacted
});

// Per call: cancel, shorter timeout, no retries.
const controller = new AbortController();
const me = await client.users.getMe({ signal: controller.signal, timeout: 5_000, retry: false });
console.log(me.environment.dataset_expiration_days);

// Password sessions can keep their tokens elsewhere (implement TokenStore to persist rotated refresh tokens).
const session = new AvatarClient({
  baseUrl: 'https://avatar.internal.example/api',
  tokenStore: new MemoryTokenStore(),
});
await session.authenticate('user', 'pass');

await Promise.all([client.close(), session.close()]);
