import { type ListDictionaryTermsResult, ValentinaClient } from '@sdkforge/valentina';

const client = new ValentinaClient({ apiKey: 'your-api-key' });

// The one low-level call the services are built on: an operationId, then its inputs by where they go.
// The input is checked against the spec like a service call; the result type is yours to name.
const terms = await client.call<ListDictionaryTermsResult>('listDictionaryTerms', {
  path: { company_id: '019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15' },
  query: { limit: 1000, term: 'blood' },
  headers: { 'X-Trace': 'glossary-sync' },
});
console.log(terms.total);
