import { ValentinaClient } from '@sdkforge/valentina';

const client = new ValentinaClient({
  baseUrl: 'https://api.valentina-noir.com',
  apiKey: 'your-api-key',
  autoIdempotencyKeys: true, // a UUID v4 Idempotency-Key on every POST/PUT/PATCH
});

// Or per call: the key is sent on every retry of this call (a different body with the same key → 409).
const campaigns = client.campaigns('019a3c1f-0d42-7a9b-8c3e-6f1b2a4d5e70', {
  companyId: '019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15',
});
await campaigns.create({ name: 'Chicago by Night' }, { idempotencyKey: 'create-chicago-2026-01' });
