import { ValentinaClient } from '@sdkforge/valentina';

// One line per request and per retry, with the API key and other secrets redacted.
// (Or set SDKFORGE_LOG=debug in the environment.)
const client = new ValentinaClient({ apiKey: 'your-api-key', logLevel: 'debug' });

export { client };
