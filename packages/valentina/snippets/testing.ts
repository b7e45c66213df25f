import assert from 'node:assert/strict';
import { campaignsService, NotFoundError } from '@sdkforge/valentina';
import { FakeValentinaClient } from '@sdkforge/valentina/testing';

// Code under test: it uses the service factories, so it talks to whatever client is the default.
async function campaignNames(userId: string): Promise<string[]> {
  return (await campaignsService(userId).listAll()).map((c) => c.name);
}

await using fake = new FakeValentinaClient(); // registers itself as the default client
const userId = fake.factories.User.build().id;

fake.setResponse('listCampaigns', { items: fake.factories.Campaign.batch(3, { danger: 1 }) });
assert.equal((await campaignNames(userId)).length, 3);

fake.setError('getCampaign', { status: 404, detail: 'Campaign not found' });
await assert.rejects(campaignsService(userId).get(fake.factories.Campaign.build().id), NotFoundError);

fake.setError('listCampaigns', { status: 429, retryAfter: 30 }, { times: 1 });
await campaignNames(userId); // retried after the 30 s the server asked for, on the fake clock: no real wait
assert.deepEqual(fake.clock.sleeps, [30_000]);

assert.equal(fake.lastRequest('listCampaigns')?.query.limit, '100');
await campaignsService(userId).getNotesPage(fake.factories.Campaign.build().id);
assert.equal(fake.lastRequest('listCampaignNotes')?.headers['on-behalf-of'], userId);
