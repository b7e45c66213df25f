/**
 * getPage / listAll / iterAll over the fake client, whose collections are served page by page from the
 * request's `limit` and `offset`, like Valentina does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Campaign } from '../src/index.js';
import { FakeValentinaClient, uuidOf } from '../src/testing/index.js';

const USER = uuidOf(1);
let fake: FakeValentinaClient;
afterEach(async () => {
  await fake.close();
});

const offsets = () => fake.requestsFor('listCampaigns').map((r) => [r.query.offset, r.query.limit]);
const names = (campaigns: Campaign[]) => campaigns.map((c) => c.name);

function campaigns(count: number): Campaign[] {
  return Array.from({ length: count }, (_, i) =>
    fake.factories.Campaign.build({ name: `Campaign ${i + 1}` }),
  );
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('getPage', () => {
  it('returns the page with its metadata (hasMore, nextOffset, totalPages, currentPage)', async () => {
    fake = new FakeValentinaClient();
    fake.setResponse('listCampaigns', { items: campaigns(25) });
    const page = await fake.campaigns(USER).getPage({ limit: 10, offset: 10 });
    expect(names(page.items)).toEqual(Array.from({ length: 10 }, (_, i) => `Campaign ${i + 11}`));
    expect(page).toMatchObject({ limit: 10, offset: 10, total: 25, hasMore: true, nextOffset: 20 });
    expect(page.totalPages).toBe(3);
    expect(page.currentPage).toBe(2);
    const last = await fake.campaigns(USER).getPage({ limit: 10, offset: page.nextOffset });
    expect(last.items).toHaveLength(5);
    expect(last.hasMore).toBe(false);
    expect(last.nextOffset).toBeUndefined();
  });

  it('asks for 10 items from offset 0 by default', async () => {
    fake = new FakeValentinaClient();
    await fake.campaigns(USER).getPage();
    expect(offsets()).toEqual([['0', '10']]);
  });

  it('an offset past the end gives an empty page', async () => {
    fake = new FakeValentinaClient();
    fake.setResponse('listCampaigns', { items: campaigns(3) });
    const page = await fake.campaigns(USER).getPage({ offset: 30 });
    expect(page.items).toEqual([]);
    expect(page).toMatchObject({ total: 3, hasMore: false, currentPage: 4, totalPages: 1 });
  });
});

describe('listAll / iterAll', () => {
  it('an empty collection: one request, no items', async () => {
    fake = new FakeValentinaClient();
    fake.setResponse('listCampaigns', { items: [] });
    expect(await fake.campaigns(USER).listAll()).toEqual([]);
    expect(await collect(fake.campaigns(USER).iterAll())).toEqual([]);
    expect(offsets()).toEqual([
      ['0', '100'],
      ['0', '100'],
    ]);
  });

  it('an exact multiple of the page size stops on the last full page, without asking for an empty one', async () => {
    fake = new FakeValentinaClient();
    fake.setResponse('listCampaigns', { items: campaigns(6) });
    const all = await fake.campaigns(USER).listAll({ limit: 3 });
    expect(names(all)).toEqual([
      'Campaign 1',
      'Campaign 2',
      'Campaign 3',
      'Campaign 4',
      'Campaign 5',
      'Campaign 6',
    ]);
    expect(offsets()).toEqual([
      ['0', '3'],
      ['3', '3'],
    ]);
  });

  it('pages of 100 by default; reference collections (blueprint, dictionary) in pages of 1000', async () => {
    fake = new FakeValentinaClient();
    fake.setResponse('listCampaigns', { items: campaigns(150) });
    expect(await fake.campaigns(USER).listAll()).toHaveLength(150);
    expect(offsets()).toEqual([
      ['0', '100'],
      ['100', '100'],
    ]);
    await fake.characterBlueprint().listAllTraits();
    await fake.dictionary().listAll();
    expect(fake.lastRequest('listAllCharacterBlueprintTraits')?.query.limit).toBe('1000');
    expect(fake.lastRequest('listDictionaryTerms')?.query.limit).toBe('1000');
  });

  it('a collection that shrinks while you page through it ends at the new total, without repeats', async () => {
    fake = new FakeValentinaClient();
    let items = campaigns(5);
    fake.addRoute('listCampaigns', (request) => {
      const offset = Number(request.query.offset);
      const limit = Number(request.query.limit);
      const page = { items: items.slice(offset, offset + limit), limit, offset, total: items.length };
      if (offset === 0) items = items.filter((c) => c.name !== 'Campaign 1'); // deleted after page 1 was served
      return { body: page };
    });
    const all = await fake.campaigns(USER).listAll({ limit: 2 });
    // Page 1 had campaigns 1–2; then campaign 1 was deleted, so offset 2 now starts at campaign 4.
    expect(names(all)).toEqual(['Campaign 1', 'Campaign 2', 'Campaign 4', 'Campaign 5']);
    expect(offsets()).toEqual([
      ['0', '2'],
      ['2', '2'],
    ]);
  });

  it('a collection that grows while you page through it is followed to its new end', async () => {
    fake = new FakeValentinaClient();
    const items = campaigns(4);
    fake.addRoute('listCampaigns', (request) => {
      const offset = Number(request.query.offset);
      const limit = Number(request.query.limit);
      const page = { items: items.slice(offset, offset + limit), limit, offset, total: items.length };
      if (offset === 0) items.push(fake.factories.Campaign.build({ name: 'Campaign 5' }));
      return { body: page };
    });
    const all = await fake.campaigns(USER).listAll({ limit: 2 });
    expect(names(all)).toEqual(['Campaign 1', 'Campaign 2', 'Campaign 3', 'Campaign 4', 'Campaign 5']);
    expect(offsets()).toEqual([
      ['0', '2'],
      ['2', '2'],
      ['4', '2'],
    ]);
  });

  it('stops on an empty page even when total promises more, and on a zero limit echo', async () => {
    fake = new FakeValentinaClient();
    fake.addRoute('listCampaigns', (request) => {
      const offset = Number(request.query.offset);
      return { body: { items: offset === 0 ? campaigns(2) : [], limit: 2, offset, total: 10 } };
    });
    expect(await fake.campaigns(USER).listAll({ limit: 2 })).toHaveLength(2);
    expect(offsets()).toHaveLength(2);

    fake.reset();
    fake.setResponse('listCampaigns', { body: { items: campaigns(1), limit: 0, offset: 0, total: 10 } });
    expect(await fake.campaigns(USER).listAll()).toHaveLength(1);
    expect(offsets()).toHaveLength(1);
  });

  it('moves forward even when the server echoes a stale offset (a static mock always says offset 0)', async () => {
    fake = new FakeValentinaClient();
    const items = campaigns(5);
    fake.addRoute('listCampaigns', (request) => {
      const offset = Number(request.query.offset);
      return { body: { items: items.slice(offset, offset + 2), limit: 2, offset: 0, total: 5 } };
    });
    const all = await fake.campaigns(USER).listAll({ limit: 2 });
    expect(names(all)).toEqual(names(items));
    expect(offsets()).toEqual([
      ['0', '2'],
      ['2', '2'],
      ['4', '2'],
    ]);
  });

  it('iterAll fetches the next page while the caller is still on this one', async () => {
    fake = new FakeValentinaClient();
    const items = campaigns(4);
    let secondPageAsked: () => void = () => {};
    const secondPage = new Promise<void>((resolve) => {
      secondPageAsked = resolve;
    });
    fake.addRoute('listCampaigns', (request) => {
      const offset = Number(request.query.offset);
      if (offset === 2) secondPageAsked();
      return { body: { items: items.slice(offset, offset + 2), limit: 2, offset, total: 4 } };
    });
    const seen: string[] = [];
    for await (const campaign of fake.campaigns(USER).iterAll({ limit: 2 })) {
      seen.push(campaign.name);
      // Still on page 1: the request for page 2 is already out (without prefetch this would never resolve).
      if (seen.length === 2) await secondPage;
    }
    expect(seen).toEqual(['Campaign 1', 'Campaign 2', 'Campaign 3', 'Campaign 4']);
  });

  it('breaking out of iterAll early fetches at most one page ahead', async () => {
    fake = new FakeValentinaClient();
    fake.setResponse('listCampaigns', { items: campaigns(50) });
    for await (const campaign of fake.campaigns(USER).iterAll({ limit: 5 })) {
      if (campaign.name === 'Campaign 3') break;
    }
    expect(offsets().length).toBeLessThanOrEqual(2);
  });

  it('sub-collections page the same way, with their filters (assets of a type)', async () => {
    fake = new FakeValentinaClient();
    const campaign = uuidOf(9);
    fake.setResponse(
      'listCampaignAssets',
      { items: fake.factories.Asset.batch(3) },
      { params: { campaign_id: campaign } },
    );
    const assets = await fake.campaigns(USER).listAllAssets(campaign, { assetType: 'image', limit: 2 });
    expect(assets).toHaveLength(3);
    expect(fake.requestsFor('listCampaignAssets').map((r) => r.query)).toEqual([
      { limit: '2', offset: '0', asset_type: 'image' },
      { limit: '2', offset: '2', asset_type: 'image' },
    ]);
  });
});
