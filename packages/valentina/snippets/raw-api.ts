import { ValentinaClient } from '@sdkforge/valentina';

const client = new ValentinaClient({ apiKey: 'your-api-key' });
const companyId = '019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15';

// One method per server operation (its operationId), path parameters first, then the body, then
// one object with the query, the headers and the per-call options.
const terms = await client.api.dictionary.listDictionaryTerms(companyId, { limit: 1000, term: 'blood' });
const rolls = await client.api.diceRolls.listDiceRollsAll(companyId, {
  headers: { 'On-Behalf-Of': '019a3c1f-0d42-7a9b-8c3e-6f1b2a4d5e70' },
});
const logs = await client.api.globalAdmin.globalAdminDownloadServerLogs(); // a Response: stream it
console.log(terms.total, rolls.length, logs.headers.get('content-disposition'));
