/**
 * `@sdkforge/valentina/testing`: the fake client tests use instead of a server. No network here at all:
 * canned answers, schema-valid sample data, recorded requests, and retries on a fake clock.
 */
import { campaignsService, type RateLimitError } from '@sdkforge/valentina';
import { FakeValentinaClient } from '@sdkforge/valentina/testing';

const show = (label: string, value: unknown) => console.log(`→ ${label}\n  ${JSON.stringify(value)}`);

await using fake = new FakeValentinaClient({ maxRetries: 2 });
const userId = fake.factories.User.build().id;

fake.setResponse('listCampaigns', { items: fake.factories.Campaign.batch(12) });
const page = await campaignsService(userId).getPage({ limit: 5, offset: 5 });
show('12 fake campaigns, getPage({ limit: 5, offset: 5 })', {
  names: page.items.map((c) => c.name),
  currentPage: page.currentPage,
  totalPages: page.totalPages,
});

fake.setError('getCampaign', { status: 429, retryAfter: 20 });
const started = Date.now();
const error = await campaignsService(userId)
  .get(page.items[0]!.id)
  .catch((e: unknown) => e);
show('a 429 with RateLimit t=20, three times over', {
  error: (error as RateLimitError).name,
  attempts: fake.requestsFor('getCampaign').map((r) => r.attempt),
  waitsOnTheFakeClock: fake.clock.sleeps,
  realMilliseconds: Date.now() - started < 1_000 ? 'under a second' : 'too long',
});
