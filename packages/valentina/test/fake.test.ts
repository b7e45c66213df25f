/** The fake client of `@sdkforge/valentina/testing`, as the tests of an application would use it. */
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AuthorizationError,
  ConflictError,
  campaignsService,
  type components,
  NotFoundError,
  problemDetails,
  ValidationError,
} from '../src/index.js';
import { FAKE_COMPANY_ID, FakeValentinaClient, factories, schemaOf, uuidOf } from '../src/testing/index.js';

const USER = uuidOf(1);
const CAMPAIGN = uuidOf(2);
let fake: FakeValentinaClient;
afterEach(async () => {
  await fake.close();
});

describe('FakeValentinaClient', () => {
  it('registers itself as the default client, in its own company', async () => {
    fake = new FakeValentinaClient();
    const campaign = await campaignsService(USER).get(CAMPAIGN);
    expect(campaign.id).toBe(CAMPAIGN);
    expect(fake.lastRequest()?.pathParams).toEqual({ company_id: FAKE_COMPANY_ID, campaign_id: CAMPAIGN });
  });

  it('answers what the test set, the newest route first, a route with params before a generic one', async () => {
    fake = new FakeValentinaClient();
    const chicago = fake.factories.Campaign.build({ name: 'Chicago by Night' });
    const berlin = fake.factories.Campaign.build({ name: 'Berlin by Night' });
    const london = fake.factories.Campaign.build({ name: 'London by Night' });
    fake.setResponse('getCampaign', { body: chicago }, { params: { campaign_id: CAMPAIGN } });
    fake.setResponse('getCampaign', { body: berlin });
    const campaigns = fake.campaigns(USER);
    expect((await campaigns.get(CAMPAIGN)).name).toBe('Chicago by Night');
    expect((await campaigns.get(uuidOf(3))).name).toBe('Berlin by Night');
    fake.setResponse('getCampaign', { body: london });
    expect((await campaigns.get(uuidOf(3))).name).toBe('London by Night');
  });

  it('a route with `times` steps aside once used up', async () => {
    fake = new FakeValentinaClient({ maxRetries: 0 });
    fake.setError('getCampaign', { status: 404 }, { times: 1 });
    await expect(fake.campaigns(USER).get(CAMPAIGN)).rejects.toBeInstanceOf(NotFoundError);
    await expect(fake.campaigns(USER).get(CAMPAIGN)).resolves.toMatchObject({ id: CAMPAIGN });
  });

  it('matches on query parameters', async () => {
    fake = new FakeValentinaClient();
    fake.setResponse('listUsers', { items: [] }, { query: { user_role: 'STORYTELLER' } });
    expect((await fake.users().getPage({ userRole: 'STORYTELLER' })).items).toEqual([]);
    expect((await fake.users().getPage({ userRole: 'PLAYER' })).items).toHaveLength(1);
  });

  it("errors come back as Valentina's problem+json, typed, with their code and request id", async () => {
    fake = new FakeValentinaClient();
    fake.setError('identifyUser', {
      status: 422,
      code: 'TOKEN_VERIFICATION_FAILED',
      detail: 'Token expired',
    });
    const error = await fake
      .identity()
      .identify({ provider: 'google', token: 'expired' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const problem = problemDetails(error as ValidationError);
    expect(problem).toMatchObject({
      status: 422,
      code: 'TOKEN_VERIFICATION_FAILED',
      detail: 'Token expired',
    });
    expect(problem.requestId).toMatch(/^req_fake/);
    expect(problem.instance).toBe(`/api/v1/companies/${FAKE_COMPANY_ID}/auth/identify`);

    fake.setError('deleteCampaign', { status: 403, detail: 'No rights to access this resource' });
    await expect(fake.campaigns(USER).delete(CAMPAIGN)).rejects.toBeInstanceOf(AuthorizationError);
    fake.setError('createCampaign', {
      status: 400,
      extra: { invalid_parameters: [{ field: 'name', message: 'too short' }] },
    });
    const invalid = await fake
      .campaigns(USER)
      .create({ name: 'Chicago' })
      .catch((e: unknown) => e);
    expect(problemDetails(invalid as ValidationError).invalidParameters).toEqual([
      { field: 'name', message: 'too short' },
    ]);
    fake.setError('createCampaign', { status: 409 });
    await expect(fake.campaigns(USER).create({ name: 'Chicago' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('records each request: path parameters, query, headers and body', async () => {
    fake = new FakeValentinaClient();
    await fake.campaigns(USER).update(CAMPAIGN, { description: null, danger: 3 });
    await fake.campaigns(USER).uploadAsset(CAMPAIGN, 'notes.txt', 'The Prince is missing.');
    const [update, upload] = fake.requests;
    expect(update).toMatchObject({
      operationId: 'updateCampaign',
      method: 'PATCH',
      path: `/companies/${FAKE_COMPANY_ID}/campaigns/${CAMPAIGN}`,
      pathParams: { company_id: FAKE_COMPANY_ID, campaign_id: CAMPAIGN },
      body: { description: null, danger: 3 },
      attempt: 1,
    });
    expect(update?.headers['on-behalf-of']).toBe(USER);
    expect(update?.headers['x-api-key']).toBe('fake-api-key');
    const file = (upload!.body as { file: File }).file;
    expect(file.name).toBe('notes.txt');
    expect(file.type).toBe('text/plain');
    expect(await file.text()).toBe('The Prince is missing.');
    fake.reset();
    expect(fake.requests).toEqual([]);
  });

  it('serves the server-log archive as a zip with its file name', async () => {
    fake = new FakeValentinaClient();
    const archive = await fake.globalAdmin.downloadLogs();
    expect(archive.filename).toBe('vapi-logs-fake.zip');
    expect([...archive.content.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(fake.lastRequest()?.operationId).toBe('globalAdminDownloadServerLogs');
  });

  it('validates input like the real client (nothing reaches the fake)', async () => {
    fake = new FakeValentinaClient();
    await expect(fake.campaigns(USER).create({ name: 'ab' })).rejects.toMatchObject({
      name: 'RequestValidationError',
    });
    expect(fake.requests).toEqual([]);
  });
});

describe('factories', () => {
  const models = [
    'Company',
    'NewCompany',
    'User',
    'UserDetail',
    'AdminUser',
    'Developer',
    'AdminDeveloper',
    'Campaign',
    'Book',
    'BookDetail',
    'Chapter',
    'ChapterDetail',
    'Character',
    'CharacterDetail',
    'CharacterFullSheet',
    'CharacterTrait',
    'Trait',
    'TraitCategory',
    'VampireClan',
    'WerewolfTribe',
    'DiceRoll',
    'DictionaryTerm',
    'Note',
    'Asset',
    'Quickroll',
    'ChargenSession',
    'AuditLogDetail',
    'RollStatistics',
    'SystemHealth',
    'CompanyOptions',
  ] as const satisfies readonly (keyof components['schemas'])[];

  it.each(models)('%s.build() is valid against its schema', (name) => {
    const value = factories[name].build();
    const result = v.safeParse(schemaOf(name) as v.GenericSchema, value);
    expect(result.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`) ?? []).toEqual([]);
  });

  it('build() applies overrides; batch() makes distinct instances', () => {
    const campaign = factories.Campaign.build({ name: 'Chicago by Night', danger: 5 });
    expect(campaign).toMatchObject({ name: 'Chicago by Night', danger: 5 });
    const notes = factories.Note.batch(3, { title: 'Elysium' });
    expect(notes.map((n) => n.title)).toEqual(['Elysium', 'Elysium', 'Elysium']);
    expect(new Set(notes.map((n) => n.id)).size).toBe(3);
  });

  it('an unknown model name is an error', () => {
    expect(() => (factories as unknown as Record<string, unknown>).Dragon).toThrow(/no model named Dragon/);
  });
});
