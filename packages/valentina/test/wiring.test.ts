/**
 * Wiring: every public method of the service layer sends the request of the operation the table says,
 * with each path slot, the query, `On-Behalf-Of` and the body where they belong (test/wiring-table.ts).
 *
 * The operation a request reached is found from its HTTP method and path alone, matched against the
 * spec's path templates (not the operation id the SDK reports), so a method wired to another operation
 * fails even when the SDK believes otherwise.
 */
import { readFileSync } from 'node:fs';
import type { Policy } from '@sdkforge/runtime';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { responseSchema } from '../src/testing/fake-client.js';
import { FakeValentinaClient, type RecordedRequest } from '../src/testing/index.js';
import { ACTOR, DEFAULT_COMPANY, S, type Wiring, wiringTable } from './wiring-table.ts';

interface SpecOperation {
  operationId: string;
  http: string;
  template: string;
  pattern: RegExp;
  slots: string[];
  literals: number;
}

// biome-ignore lint/suspicious/noExplicitAny: the parsed spec is walked by name
type Json = Record<string, any>;

const spec = parse(
  readFileSync(new URL('../../../specs/valentina/openapi.yaml', import.meta.url), 'utf8'),
) as Json;
const operations: SpecOperation[] = Object.entries(spec.paths as Json).flatMap(([template, item]) =>
  ['get', 'put', 'post', 'patch', 'delete']
    .filter((m) => item[m])
    .map((m) => {
      const op = item[m] as Json;
      const slots = [...template.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]!);
      const source = template
        .split('/')
        .map((seg) => (/^\{.+\}$/.test(seg) ? '([^/]+)' : seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join('/');
      return {
        operationId: op.operationId as string,
        http: m.toUpperCase(),
        template,
        pattern: new RegExp(`^${source}$`),
        slots,
        literals: template.split('/').filter((seg) => seg && !seg.startsWith('{')).length,
      };
    }),
);
const byId = new Map(operations.map((o) => [o.operationId, o]));

/** The spec operation a request reached: same method, path matches the template (literal segments win). */
function operationOf(request: RecordedRequest): { op: SpecOperation; slots: Record<string, string> } {
  const path = request.url.pathname.replace(/^\/api\/v1/, '');
  const candidates = operations
    .filter((o) => o.http === request.method && o.pattern.test(path))
    .sort((a, b) => b.literals - a.literals);
  const op = candidates[0];
  if (!op) throw new Error(`no operation of the spec answers ${request.method} ${path}`);
  const values = op.pattern.exec(path)!.slice(1);
  return { op, slots: Object.fromEntries(op.slots.map((name, i) => [name, decodeURIComponent(values[i]!)])) };
}

/** The request's multipart file parts reduced to name and media type, JSON bodies as they are. */
function bodyOf(request: RecordedRequest): unknown {
  const body = request.body;
  if (!(request.headers['content-type'] ?? '').includes('multipart/form-data')) return body;
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).map(([k, v]) => [
      k,
      v instanceof File ? { name: v.name, type: v.type } : v,
    ]),
  );
}

let fake: FakeValentinaClient | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const newFake = () => {
  fake = new FakeValentinaClient({ defaultCompanyId: DEFAULT_COMPANY, setAsDefault: false });
  return fake;
};

describe('wiring: each public method sends its operation, with every value in its place', () => {
  it.each(wiringTable.map((row) => [row.method, row] as const))('%s', async (_, row: Wiring) => {
    const c = newFake();
    await row.call(c);
    expect(c.requests.length, 'requests sent').toBeGreaterThan(0);
    for (const request of c.requests) {
      expect(`${request.method} ${operationOf(request).op.operationId}`).toBe(
        `${byId.get(row.op)!.http} ${row.op}`,
      );
    }
    const request = c.requests[0]!;
    const { op, slots } = operationOf(request);
    // every path slot carries the sentinel named after it (scope values included)
    expect(slots).toEqual(Object.fromEntries(op.slots.map((name) => [name, S[name as keyof typeof S]])));
    expect(request.query).toEqual(row.query ?? {});
    expect(request.headers['on-behalf-of'] ?? null).toBe(row.actor ?? null);
    expect(request.headers['x-api-key']).toBe('fake-api-key');
    if (row.body !== undefined) expect(bodyOf(request)).toEqual(row.body);
  });

  it('the table has one row per public method of every service, and no other', () => {
    const c = newFake();
    const services: Record<string, object> = {
      system: c.system,
      developer: c.developer,
      companies: c.companies,
      globalAdmin: c.globalAdmin,
      userLookup: c.userLookup,
      identity: c.identity(),
      options: c.options(),
      dictionary: c.dictionary(),
      characterBlueprint: c.characterBlueprint(),
      users: c.users(ACTOR),
      campaigns: c.campaigns(ACTOR),
      books: c.books(ACTOR, S.campaign_id),
      chapters: c.chapters(ACTOR, S.campaign_id, S.book_id),
      characters: c.characters(ACTOR),
      characterTraits: c.characterTraits(ACTOR, undefined, S.character_id),
      characterAutogen: c.characterAutogen(ACTOR),
      diceRolls: c.diceRolls(ACTOR),
    };
    const publicMethods = Object.entries(services).flatMap(([name, service]) =>
      Object.entries(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(service)))
        .filter(([key, d]) => key !== 'constructor' && typeof d.value === 'function')
        .map(([key]) => `${name}.${key}`),
    );
    expect(wiringTable.map((r) => r.method).sort()).toEqual(publicMethods.sort());
    expect(new Set(wiringTable.map((r) => r.method)).size).toBe(wiringTable.length);
  });

  it("reaches every operation of the spec, and each row's expected operation exists", () => {
    expect(wiringTable.filter((r) => !byId.has(r.op)).map((r) => r.op)).toEqual([]);
    const reached = new Set(wiringTable.map((r) => r.op));
    expect(operations.filter((o) => !reached.has(o.operationId)).map((o) => o.operationId)).toEqual([]);
    console.log(
      `[wiring] valentina: ${wiringTable.length} public methods checked, ${reached.size}/${operations.length} operations`,
    );
  });

  it("the fake's default answers to every call match the operation's response schema", async () => {
    const answers: [string, Response][] = [];
    const capture: Policy = (next) => async (request, context) => {
      const response = await next(request, context);
      answers.push([context.operationId, response.clone()]);
      return response;
    };
    fake = new FakeValentinaClient({
      defaultCompanyId: DEFAULT_COMPANY,
      setAsDefault: false,
      policies: [capture],
    });
    for (const row of wiringTable) await row.call(fake);
    let checked = 0;
    for (const [operationId, response] of answers) {
      if (response.headers.get('content-type') !== 'application/json') continue;
      checked += 1;
      const result = v.safeParse(responseSchema(operationId) as v.GenericSchema, await response.json());
      expect(result.issues?.map((i) => `${operationId}: ${v.getDotPath(i)} ${i.message}`) ?? []).toEqual([]);
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('the sentinels are distinct, so a value in the wrong slot cannot pass', () => {
    const values = [...Object.values(S), ACTOR, DEFAULT_COMPANY];
    expect(new Set(values).size).toBe(values.length);
  });
});

describe('wiring: scope values', () => {
  it("a scoped service without a companyId uses the client's defaultCompanyId", async () => {
    const c = newFake();
    await c.campaigns(ACTOR).get(S.campaign_id);
    await c.dictionary().get(S.dictionary_term_id);
    expect(c.requests.map((r) => operationOf(r).slots.company_id)).toEqual([
      DEFAULT_COMPANY,
      DEFAULT_COMPANY,
    ]);
  });

  it('an acting operation of a service made without a user is refused before sending', async () => {
    const c = newFake();
    await expect(
      c.users().create({ username: 'beckett', email: 'b@example.com', role: 'PLAYER' }),
    ).rejects.toThrow(/On-Behalf-Of/);
    expect(c.requests).toEqual([]);
  });

  it('an optional acting user is sent only when the service has one', async () => {
    const c = newFake();
    await c.users().get(S.user_id);
    await c.users(ACTOR).get(S.user_id);
    expect(c.requests.map((r) => r.headers['on-behalf-of'] ?? null)).toEqual([null, ACTOR]);
  });

  it('a per-call On-Behalf-Of header wins over the scope', async () => {
    const c = newFake();
    await c.campaigns(ACTOR).delete(S.campaign_id, { headers: { 'On-Behalf-Of': S.user_id } });
    expect(c.requests[0]!.headers['on-behalf-of']).toBe(S.user_id);
  });

  it('characters and autogen without a campaign scope send no campaign filter, and autogen needs one', async () => {
    const c = newFake();
    await c.characters(ACTOR).getPage();
    expect(c.requests[0]!.query).toEqual({ limit: '10', offset: '0' });
    await expect(c.characterAutogen(ACTOR).startChargenSession()).rejects.toThrow(/campaign_?[iI]d/);
    expect(c.requests).toHaveLength(1);
  });

  it('diceRolls.create() without a roll sends {} (the operation requires a body: one d10, unscored)', async () => {
    const c = newFake();
    await c.diceRolls(ACTOR).create();
    expect(c.requests[0]!.body).toEqual({});
    expect(c.requests[0]!.headers['content-type']).toContain('application/json');
  });

  it('getPage defaults to limit 10, offset 0', async () => {
    const c = newFake();
    await c.companies.getPage();
    await c.characterBlueprint().getTraitsPage();
    expect(c.requests.map((r) => r.query)).toEqual([
      { limit: '10', offset: '0' },
      { limit: '10', offset: '0' },
    ]);
  });
});

describe('wiring: the factories build the services the accessors build', () => {
  type Factories = typeof import('../src/index.js');
  const rows: [string, string, (f: Factories) => Promise<unknown>, string | null][] = [
    ['systemService', 'checkSystemHealth', (f) => f.systemService().health(), null],
    ['developerService', 'getDeveloperMe', (f) => f.developerService().getMe(), null],
    ['companiesService', 'getCompany', (f) => f.companiesService().get(S.company_id), null],
    ['globalAdminService', 'globalAdminGetUser', (f) => f.globalAdminService().getUser(S.user_id), null],
    ['userLookupService', 'lookupUser', (f) => f.userLookupService().byEmail('a@example.com'), null],
    [
      'usersService',
      'getUser',
      (f) => f.usersService(ACTOR, { companyId: S.company_id }).get(S.user_id),
      ACTOR,
    ],
    [
      'identityService',
      'identifyUser',
      (f) => f.identityService({ companyId: S.company_id }).identify({ provider: 'apple', token: 't' }),
      null,
    ],
    [
      'campaignsService',
      'getCampaignNote',
      (f) => f.campaignsService(ACTOR, { companyId: S.company_id }).getNote(S.campaign_id, S.note_id),
      ACTOR,
    ],
    [
      'booksService',
      'getBookNote',
      (f) => f.booksService(ACTOR, S.campaign_id, { companyId: S.company_id }).getNote(S.book_id, S.note_id),
      ACTOR,
    ],
    [
      'chaptersService',
      'getChapterNote',
      (f) =>
        f
          .chaptersService(ACTOR, S.campaign_id, S.book_id, { companyId: S.company_id })
          .getNote(S.chapter_id, S.note_id),
      ACTOR,
    ],
    [
      'charactersService',
      'getCharacterNote',
      (f) =>
        f
          .charactersService(ACTOR, S.campaign_id, { companyId: S.company_id })
          .getNote(S.character_id, S.note_id),
      ACTOR,
    ],
    [
      'characterTraitsService',
      'getCharacterTrait',
      (f) =>
        f
          .characterTraitsService(ACTOR, S.campaign_id, S.character_id, { companyId: S.company_id })
          .get(S.character_trait_id),
      ACTOR,
    ],
    [
      'characterAutogenService',
      'getChargenSession',
      (f) => f.characterAutogenService(ACTOR, S.campaign_id, { companyId: S.company_id }).get(S.session_id),
      ACTOR,
    ],
    [
      'characterBlueprintService',
      'getCharacterBlueprintTrait',
      (f) => f.characterBlueprintService({ companyId: S.company_id }).getTrait(S.trait_id),
      null,
    ],
    [
      'diceRollsService',
      'getDiceRoll',
      (f) => f.diceRollsService(ACTOR, { companyId: S.company_id }).get(S.diceroll_id),
      ACTOR,
    ],
    [
      'dicreollsService',
      'getDiceRoll',
      (f) => f.dicreollsService(ACTOR, { companyId: S.company_id }).get(S.diceroll_id),
      ACTOR,
    ],
    [
      'dictionaryService',
      'getDictionaryTerm',
      (f) => f.dictionaryService({ companyId: S.company_id }).get(S.dictionary_term_id),
      null,
    ],
    [
      'optionsService',
      'getCompanyOptions',
      (f) => f.optionsService({ companyId: S.company_id }).getOptions(),
      null,
    ],
  ];

  it.each(rows)('%s', async (_, op, call, actor) => {
    const c = new FakeValentinaClient({ defaultCompanyId: DEFAULT_COMPANY });
    fake = c;
    await call(await import('../src/index.js'));
    const request = c.requests[0]!;
    const found = operationOf(request);
    expect(found.op.operationId).toBe(op);
    expect(found.slots).toEqual(
      Object.fromEntries(found.op.slots.map((name) => [name, S[name as keyof typeof S]])),
    );
    expect(request.headers['on-behalf-of'] ?? null).toBe(actor);
  });

  it('there is one row per factory the package exports', async () => {
    const exported = Object.keys(await import('../src/index.js')).filter((name) =>
      /^[a-z]\w*Service$/.test(name),
    );
    expect(rows.map(([name]) => name).sort()).toEqual(exported.sort());
  });
});
