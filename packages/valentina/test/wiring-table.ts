/**
 * Every public method of the service layer, called once with distinct sentinel values, and what the
 * request it sends must look like. The expected operation of each method is written here by hand (it
 * does not come from the spec's surface extensions), so a method wired to the wrong operation, a scope
 * value or an argument sent in the wrong path slot, a lost query option or a lost `On-Behalf-Of` fails.
 *
 * Conventions the checks rely on (test/wiring.test.ts):
 * - every path slot of the expected operation must carry `S[<slot name>]`: each call passes the
 *   sentinel of the slot it is meant to fill (scope values included), and no two sentinels are equal;
 * - `query` is the exact query of the call's first request (default: none);
 * - `actor` is the expected `On-Behalf-Of` (default: the group's; `null` = not sent);
 * - `body`, when given, is the exact JSON body (or the multipart fields) of the request.
 * The unit tests run the table against the fake client; the contract tests run the calls against Prism,
 * so every value here is also valid for the spec.
 */
import type { ValentinaClient } from '../src/index.js';

const uuid = (n: number) => `5e471e10-7a3b-4c2d-8e9f-${n.toString(16).padStart(12, '0')}`;

/** One distinct value per path slot of the API. */
export const S = {
  company_id: uuid(0x101),
  user_id: uuid(0x102),
  campaign_id: uuid(0x103),
  book_id: uuid(0x104),
  chapter_id: uuid(0x105),
  character_id: uuid(0x106),
  note_id: uuid(0x107),
  asset_id: uuid(0x108),
  quickroll_id: uuid(0x109),
  developer_id: uuid(0x10a),
  diceroll_id: uuid(0x10b),
  dictionary_term_id: uuid(0x10c),
  inventory_item_id: uuid(0x10d),
  character_trait_id: uuid(0x10e),
  session_id: uuid(0x10f),
  category_id: uuid(0x110),
  section_id: uuid(0x111),
  subcategory_id: uuid(0x112),
  trait_id: uuid(0x113),
  concept_id: uuid(0x114),
  vampire_clan_id: uuid(0x115),
  werewolf_tribe_id: uuid(0x116),
  werewolf_auspice_id: uuid(0x117),
  provider: 'github',
} as const;

/** The acting user of the scoped services (`On-Behalf-Of`). */
export const ACTOR = uuid(0xa01);
/** The client's `defaultCompanyId`; the table's scoped services name `S.company_id` explicitly. */
export const DEFAULT_COMPANY = uuid(0xd01);
/** Values that go in bodies and queries, distinct from every path sentinel. */
export const V = {
  developer: uuid(0xb01),
  primaryUser: uuid(0xb02),
  secondaryUser: uuid(0xb03),
  xpCampaign: uuid(0xb04),
  blueprintTrait: uuid(0xb05),
  selectedCharacter: uuid(0xb06),
  filterUser: uuid(0xb07),
  filterCharacter: uuid(0xb08),
  filterCampaign: uuid(0xb09),
  filterCompany: uuid(0xb0a),
  quickrollTrait: uuid(0xb0b),
};

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const note = { title: 'Elysium', content: 'The opera house.' };
const first = async <T>(it: AsyncIterable<T>): Promise<T | undefined> => {
  for await (const x of it) return x;
  return undefined;
};
/** The multipart fields of an upload of `name` with media type `type`. */
const upload = (name: string, type: string) => ({ file: { name, type } });

export interface Expect {
  query?: Record<string, string | string[]>;
  actor?: string | null;
  body?: unknown;
}
export interface Wiring extends Expect {
  /** `group.method` of the public surface. */
  method: string;
  /** The operation the method must call. */
  op: string;
  call: (c: ValentinaClient) => Promise<unknown>;
}

type Row = [method: string, op: string, call: (c: ValentinaClient) => Promise<unknown>, expect?: Expect];

function group(actor: string | null, rows: Row[]): Wiring[] {
  return rows.map(([method, op, call, expect]) => ({ method, op, call, actor, ...expect }));
}

const scope = { companyId: S.company_id };
const page = (extra: Record<string, string | string[]> = {}) => ({ limit: '7', offset: '3', ...extra });
const walk = (limit: number, extra: Record<string, string | string[]> = {}) => ({
  limit: String(limit),
  offset: '0',
  ...extra,
});
const NOBODY = { actor: null };

// ── services without a company scope ──

const unscoped: Wiring[] = group(null, [
  ['system.health', 'checkSystemHealth', (c) => c.system.health()],
  ['developer.getMe', 'getDeveloperMe', (c) => c.developer.getMe()],
  [
    'developer.updateMe',
    'updateDeveloperMe',
    (c) => c.developer.updateMe({ username: 'nightowl' }),
    { body: { username: 'nightowl' } },
  ],
  ['developer.regenerateApiKey', 'regenerateDeveloperMeApiKey', (c) => c.developer.regenerateApiKey()],
  [
    'companies.getPage',
    'listCompanies',
    (c) => c.companies.getPage({ limit: 7, offset: 3 }),
    { query: page() },
  ],
  ['companies.listAll', 'listCompanies', (c) => c.companies.listAll(), { query: walk(100) }],
  [
    'companies.iterAll',
    'listCompanies',
    (c) => first(c.companies.iterAll({ limit: 25 })),
    { query: walk(25) },
  ],
  ['companies.get', 'getCompany', (c) => c.companies.get(S.company_id)],
  [
    'companies.create',
    'createCompany',
    (c) => c.companies.create({ name: 'Night Court', email: 'gm@example.com' }),
    { body: { name: 'Night Court', email: 'gm@example.com' } },
  ],
  [
    'companies.update',
    'updateCompany',
    (c) => c.companies.update(S.company_id, { description: null }),
    { body: { description: null } },
  ],
  ['companies.delete', 'deleteCompany', (c) => c.companies.delete(S.company_id)],
  [
    'companies.grantAccess',
    'addDeveloperToCompany',
    (c) => c.companies.grantAccess(S.company_id, V.developer, 'ADMIN'),
    { body: { developer_id: V.developer, permission: 'ADMIN' } },
  ],
  [
    'companies.getStatistics',
    'getCompanyStatistics',
    (c) => c.companies.getStatistics(S.company_id, { numTopTraits: 3 }),
    { query: { num_top_traits: '3' } },
  ],
  [
    'companies.getAuditLogPage',
    'listCompanyAuditLogs',
    (c) =>
      c.companies.getAuditLogPage(S.company_id, {
        limit: 7,
        offset: 3,
        actingUserId: V.filterUser,
        userId: S.user_id,
        campaignId: S.campaign_id,
        bookId: S.book_id,
        chapterId: S.chapter_id,
        characterId: S.character_id,
        entityType: 'CAMPAIGN',
        operation: 'UPDATE',
        dateFrom: new Date('2026-01-02T03:04:05.000Z'),
        dateTo: '2026-02-03T04:05:06.000Z',
        include: ['request_details'],
      }),
    {
      query: page({
        acting_user_id: V.filterUser,
        user_id: S.user_id,
        campaign_id: S.campaign_id,
        book_id: S.book_id,
        chapter_id: S.chapter_id,
        character_id: S.character_id,
        entity_type: 'CAMPAIGN',
        operation: 'UPDATE',
        date_from: '2026-01-02T03:04:05.000Z',
        date_to: '2026-02-03T04:05:06.000Z',
        include: 'request_details',
      }),
    },
  ],
  [
    'companies.listAllAuditLogs',
    'listCompanyAuditLogs',
    (c) => c.companies.listAllAuditLogs(S.company_id, { operation: 'DELETE' }),
    { query: walk(100, { operation: 'DELETE' }) },
  ],
  [
    'companies.iterAllAuditLogs',
    'listCompanyAuditLogs',
    (c) => first(c.companies.iterAllAuditLogs(S.company_id, { entityType: 'NOTE' })),
    { query: walk(100, { entity_type: 'NOTE' }) },
  ],
  [
    'globalAdmin.getDeveloperPage',
    'globalAdminListDevelopers',
    (c) => c.globalAdmin.getDeveloperPage({ limit: 7, offset: 3, isGlobalAdmin: true }),
    { query: page({ is_global_admin: 'true' }) },
  ],
  [
    'globalAdmin.listAllDevelopers',
    'globalAdminListDevelopers',
    (c) => c.globalAdmin.listAllDevelopers({ isGlobalAdmin: false }),
    { query: walk(100, { is_global_admin: 'false' }) },
  ],
  [
    'globalAdmin.iterAllDevelopers',
    'globalAdminListDevelopers',
    (c) => first(c.globalAdmin.iterAllDevelopers({ limit: 30 })),
    { query: walk(30) },
  ],
  ['globalAdmin.getDeveloper', 'globalAdminGetDeveloper', (c) => c.globalAdmin.getDeveloper(S.developer_id)],
  [
    'globalAdmin.createDeveloper',
    'globalAdminCreateDeveloper',
    (c) => c.globalAdmin.createDeveloper({ username: 'newdev', email: 'd@example.com' }),
    { body: { username: 'newdev', email: 'd@example.com' } },
  ],
  [
    'globalAdmin.updateDeveloper',
    'globalAdminUpdateDeveloper',
    (c) => c.globalAdmin.updateDeveloper(S.developer_id, { is_global_admin: false }),
    { body: { is_global_admin: false } },
  ],
  [
    'globalAdmin.deleteDeveloper',
    'globalAdminDeleteDeveloper',
    (c) => c.globalAdmin.deleteDeveloper(S.developer_id),
  ],
  [
    'globalAdmin.createApiKey',
    'globalAdminCreateDeveloperApiKey',
    (c) => c.globalAdmin.createApiKey(S.developer_id),
  ],
  [
    'globalAdmin.getUserPage',
    'globalAdminListUsers',
    (c) =>
      c.globalAdmin.getUserPage({
        limit: 7,
        offset: 3,
        companyId: V.filterCompany,
        role: 'STORYTELLER',
        email: 'q@example.com',
        isArchived: false,
      }),
    {
      query: page({
        company_id: V.filterCompany,
        role: 'STORYTELLER',
        email: 'q@example.com',
        is_archived: 'false',
      }),
    },
  ],
  [
    'globalAdmin.listAllUsers',
    'globalAdminListUsers',
    (c) => c.globalAdmin.listAllUsers({ role: 'ADMIN' }),
    { query: walk(100, { role: 'ADMIN' }) },
  ],
  [
    'globalAdmin.iterAllUsers',
    'globalAdminListUsers',
    (c) => first(c.globalAdmin.iterAllUsers({ isArchived: true })),
    { query: walk(100, { is_archived: 'true' }) },
  ],
  ['globalAdmin.getUser', 'globalAdminGetUser', (c) => c.globalAdmin.getUser(S.user_id)],
  [
    'globalAdmin.createUser',
    'globalAdminCreateUser',
    (c) =>
      c.globalAdmin.createUser({
        company_id: V.filterCompany,
        username: 'lucita',
        email: 'l@example.com',
        role: 'PLAYER',
      }),
    { body: { company_id: V.filterCompany, username: 'lucita', email: 'l@example.com', role: 'PLAYER' } },
  ],
  [
    'globalAdmin.updateUser',
    'globalAdminUpdateUser',
    (c) => c.globalAdmin.updateUser(S.user_id, { is_archived: true }),
    { body: { is_archived: true } },
  ],
  ['globalAdmin.deleteUser', 'globalAdminDeleteUser', (c) => c.globalAdmin.deleteUser(S.user_id)],
  [
    'globalAdmin.getAuditLogPage',
    'globalAdminListDeveloperAuditLogs',
    (c) =>
      c.globalAdmin.getAuditLogPage(S.developer_id, {
        limit: 7,
        offset: 3,
        companyId: V.filterCompany,
        actingUserId: V.filterUser,
        characterId: S.character_id,
      }),
    {
      query: page({
        company_id: V.filterCompany,
        acting_user_id: V.filterUser,
        character_id: S.character_id,
      }),
    },
  ],
  [
    'globalAdmin.listAllAuditLogs',
    'globalAdminListDeveloperAuditLogs',
    (c) => c.globalAdmin.listAllAuditLogs(S.developer_id, { companyId: V.filterCompany }),
    { query: walk(100, { company_id: V.filterCompany }) },
  ],
  [
    'globalAdmin.iterAllAuditLogs',
    'globalAdminListDeveloperAuditLogs',
    (c) => first(c.globalAdmin.iterAllAuditLogs(S.developer_id, { operation: 'CREATE' })),
    { query: walk(100, { operation: 'CREATE' }) },
  ],
  [
    'globalAdmin.tailLogs',
    'globalAdminTailServerLogs',
    (c) => c.globalAdmin.tailLogs({ level: 'ERROR', limit: 50 }),
    { query: { level: 'ERROR', limit: '50' } },
  ],
  ['globalAdmin.downloadLogs', 'globalAdminDownloadServerLogs', (c) => c.globalAdmin.downloadLogs()],
  [
    'userLookup.byEmail',
    'lookupUser',
    (c) => c.userLookup.byEmail('l@example.com'),
    { query: { email: 'l@example.com' } },
  ],
  [
    'userLookup.byDiscordId',
    'lookupUser',
    (c) => c.userLookup.byDiscordId('80351110224678912'),
    { query: { discord_id: '80351110224678912' } },
  ],
  [
    'userLookup.byGoogleId',
    'lookupUser',
    (c) => c.userLookup.byGoogleId('109876543210'),
    { query: { google_id: '109876543210' } },
  ],
  [
    'userLookup.byGithubId',
    'lookupUser',
    (c) => c.userLookup.byGithubId('583231'),
    { query: { github_id: '583231' } },
  ],
  [
    'userLookup.byAppleId',
    'lookupUser',
    (c) => c.userLookup.byAppleId('001234.abc'),
    { query: { apple_id: '001234.abc' } },
  ],
]);

// ── company-scoped services ──

const identityAndReference: Wiring[] = [
  ...group(null, [
    [
      'identity.identify',
      'identifyUser',
      (c) => c.identity(scope).identify({ provider: 'discord', token: 'tok' }),
      { body: { provider: 'discord', token: 'tok' } },
    ],
  ]),
  // The options, dictionary and blueprint operations take no `On-Behalf-Of`: it is not sent even when
  // the service was made for a user.
  ...group(null, [
    ['options.getOptions', 'getCompanyOptions', (c) => c.options(ACTOR, scope).getOptions()],
    [
      'dictionary.getPage',
      'listDictionaryTerms',
      (c) => c.dictionary(ACTOR, scope).getPage({ limit: 7, offset: 3, term: 'blood' }),
      { query: page({ term: 'blood' }) },
    ],
    [
      'dictionary.listAll',
      'listDictionaryTerms',
      (c) => c.dictionary(ACTOR, scope).listAll({ term: 'haven' }),
      { query: walk(1000, { term: 'haven' }) },
    ],
    [
      'dictionary.iterAll',
      'listDictionaryTerms',
      (c) => first(c.dictionary(ACTOR, scope).iterAll()),
      { query: walk(1000) },
    ],
    ['dictionary.get', 'getDictionaryTerm', (c) => c.dictionary(ACTOR, scope).get(S.dictionary_term_id)],
    [
      'dictionary.create',
      'createDictionaryTerm',
      (c) => c.dictionary(ACTOR, scope).create({ term: 'Kindred' }),
      { body: { term: 'Kindred' } },
    ],
    [
      'dictionary.update',
      'updateDictionaryTerm',
      (c) => c.dictionary(ACTOR, scope).update(S.dictionary_term_id, { definition: null }),
      { body: { definition: null } },
    ],
    [
      'dictionary.delete',
      'deleteDictionaryTerm',
      (c) => c.dictionary(ACTOR, scope).delete(S.dictionary_term_id),
    ],
    ...blueprintRows(),
  ]),
];

function blueprintRows(): Row[] {
  const bp = (c: ValentinaClient) => c.characterBlueprint(ACTOR, scope);
  return [
    [
      'characterBlueprint.getSectionsPage',
      'listCharacterBlueprintSections',
      (c) => bp(c).getSectionsPage({ limit: 7, offset: 3, gameVersion: 'V5', characterClass: 'MAGE' }),
      { query: page({ game_version: 'V5', character_class: 'MAGE' }) },
    ],
    [
      'characterBlueprint.listAllSections',
      'listCharacterBlueprintSections',
      (c) => bp(c).listAllSections({ gameVersion: 'V4' }),
      { query: walk(1000, { game_version: 'V4' }) },
    ],
    [
      'characterBlueprint.iterAllSections',
      'listCharacterBlueprintSections',
      (c) => first(bp(c).iterAllSections()),
      { query: walk(1000) },
    ],
    ['characterBlueprint.getSection', 'getCharacterBlueprintSection', (c) => bp(c).getSection(S.section_id)],
    [
      'characterBlueprint.getCategoriesPage',
      'listCharacterBlueprintCategories',
      (c) =>
        bp(c).getCategoriesPage({
          limit: 7,
          offset: 3,
          gameVersion: 'V5',
          characterClass: 'HUNTER',
          sectionId: S.section_id,
        }),
      { query: page({ game_version: 'V5', character_class: 'HUNTER', section_id: S.section_id }) },
    ],
    [
      'characterBlueprint.listAllCategories',
      'listCharacterBlueprintCategories',
      (c) => bp(c).listAllCategories({ characterClass: 'GHOUL' }),
      { query: walk(1000, { character_class: 'GHOUL' }) },
    ],
    [
      'characterBlueprint.iterAllCategories',
      'listCharacterBlueprintCategories',
      (c) => first(bp(c).iterAllCategories()),
      { query: walk(1000) },
    ],
    [
      'characterBlueprint.getCategory',
      'getCharacterBlueprintCategory',
      (c) => bp(c).getCategory(S.category_id),
    ],
    [
      'characterBlueprint.getSubcategoriesPage',
      'listCharacterBlueprintSubcategories',
      (c) =>
        bp(c).getSubcategoriesPage({
          limit: 7,
          offset: 3,
          categoryId: S.category_id,
          characterClass: 'MORTAL',
        }),
      { query: page({ category_id: S.category_id, character_class: 'MORTAL' }) },
    ],
    [
      'characterBlueprint.listAllSubcategories',
      'listCharacterBlueprintSubcategories',
      (c) => bp(c).listAllSubcategories({ gameVersion: 'V5' }),
      { query: walk(1000, { game_version: 'V5' }) },
    ],
    [
      'characterBlueprint.iterAllSubcategories',
      'listCharacterBlueprintSubcategories',
      (c) => first(bp(c).iterAllSubcategories()),
      { query: walk(1000) },
    ],
    [
      'characterBlueprint.getSubcategory',
      'getCharacterBlueprintSubcategory',
      (c) => bp(c).getSubcategory(S.subcategory_id),
    ],
    [
      'characterBlueprint.getTraitsPage',
      'listAllCharacterBlueprintTraits',
      (c) =>
        bp(c).getTraitsPage({
          limit: 7,
          offset: 3,
          gameVersion: 'V5',
          characterClass: 'VAMPIRE',
          categoryId: S.category_id,
          subcategoryId: S.subcategory_id,
          isRollable: true,
          orderBy: 'SHEET',
          excludeSubcategoryTraits: false,
        }),
      {
        query: page({
          game_version: 'V5',
          character_class: 'VAMPIRE',
          category_id: S.category_id,
          subcategory_id: S.subcategory_id,
          is_rollable: 'true',
          order_by: 'SHEET',
          exclude_subcategory_traits: 'false',
        }),
      },
    ],
    [
      'characterBlueprint.listAllTraits',
      'listAllCharacterBlueprintTraits',
      (c) => bp(c).listAllTraits({ orderBy: 'NAME' }),
      { query: walk(1000, { order_by: 'NAME' }) },
    ],
    [
      'characterBlueprint.iterAllTraits',
      'listAllCharacterBlueprintTraits',
      (c) => first(bp(c).iterAllTraits()),
      { query: walk(1000) },
    ],
    ['characterBlueprint.getTrait', 'getCharacterBlueprintTrait', (c) => bp(c).getTrait(S.trait_id)],
    [
      'characterBlueprint.getConceptsPage',
      'listCharacterBlueprintConcepts',
      (c) => bp(c).getConceptsPage({ limit: 7, offset: 3 }),
      { query: page() },
    ],
    [
      'characterBlueprint.listAllConcepts',
      'listCharacterBlueprintConcepts',
      (c) => bp(c).listAllConcepts(),
      { query: walk(1000) },
    ],
    [
      'characterBlueprint.iterAllConcepts',
      'listCharacterBlueprintConcepts',
      (c) => first(bp(c).iterAllConcepts({ limit: 40 })),
      { query: walk(40) },
    ],
    ['characterBlueprint.getConcept', 'getCharacterBlueprintConcept', (c) => bp(c).getConcept(S.concept_id)],
    [
      'characterBlueprint.getVampireClansPage',
      'listCharacterBlueprintVampireClans',
      (c) => bp(c).getVampireClansPage({ limit: 7, offset: 3, gameVersion: 'V5' }),
      { query: page({ game_version: 'V5' }) },
    ],
    [
      'characterBlueprint.listAllVampireClans',
      'listCharacterBlueprintVampireClans',
      (c) => bp(c).listAllVampireClans(),
      { query: walk(1000) },
    ],
    [
      'characterBlueprint.iterAllVampireClans',
      'listCharacterBlueprintVampireClans',
      (c) => first(bp(c).iterAllVampireClans({ gameVersion: 'V4' })),
      { query: walk(1000, { game_version: 'V4' }) },
    ],
    [
      'characterBlueprint.getVampireClan',
      'getCharacterBlueprintVampireClan',
      (c) => bp(c).getVampireClan(S.vampire_clan_id),
    ],
    [
      'characterBlueprint.getWerewolfTribesPage',
      'listCharacterBlueprintWerewolfTribes',
      (c) => bp(c).getWerewolfTribesPage({ limit: 7, offset: 3, gameVersion: 'V4' }),
      { query: page({ game_version: 'V4' }) },
    ],
    [
      'characterBlueprint.listAllWerewolfTribes',
      'listCharacterBlueprintWerewolfTribes',
      (c) => bp(c).listAllWerewolfTribes(),
      { query: walk(1000) },
    ],
    [
      'characterBlueprint.iterAllWerewolfTribes',
      'listCharacterBlueprintWerewolfTribes',
      (c) => first(bp(c).iterAllWerewolfTribes()),
      { query: walk(1000) },
    ],
    [
      'characterBlueprint.getWerewolfTribe',
      'getCharacterBlueprintWerewolfTribe',
      (c) => bp(c).getWerewolfTribe(S.werewolf_tribe_id),
    ],
    [
      'characterBlueprint.getWerewolfAuspicesPage',
      'listCharacterBlueprintWerewolfAuspices',
      (c) => bp(c).getWerewolfAuspicesPage({ limit: 7, offset: 3, gameVersion: 'V5' }),
      { query: page({ game_version: 'V5' }) },
    ],
    [
      'characterBlueprint.listAllWerewolfAuspices',
      'listCharacterBlueprintWerewolfAuspices',
      (c) => bp(c).listAllWerewolfAuspices({ gameVersion: 'V4' }),
      { query: walk(1000, { game_version: 'V4' }) },
    ],
    [
      'characterBlueprint.iterAllWerewolfAuspices',
      'listCharacterBlueprintWerewolfAuspices',
      (c) => first(bp(c).iterAllWerewolfAuspices()),
      { query: walk(1000) },
    ],
    [
      'characterBlueprint.getWerewolfAuspice',
      'getCharacterBlueprintWerewolfAuspice',
      (c) => bp(c).getWerewolfAuspice(S.werewolf_auspice_id),
    ],
  ];
}

function usersRows(): Row[] {
  const u = (c: ValentinaClient) => c.users(ACTOR, scope);
  const xp = { amount: 5, campaign_id: V.xpCampaign };
  return [
    [
      'users.getPage',
      'listUsers',
      (c) => u(c).getPage({ limit: 7, offset: 3, userRole: 'PLAYER', email: 'p@example.com' }),
      { query: page({ user_role: 'PLAYER', email: 'p@example.com' }) },
    ],
    [
      'users.listAll',
      'listUsers',
      (c) => u(c).listAll({ userRole: 'ADMIN' }),
      { query: walk(100, { user_role: 'ADMIN' }) },
    ],
    ['users.iterAll', 'listUsers', (c) => first(u(c).iterAll({ limit: 15 })), { query: walk(15) }],
    [
      'users.get',
      'getUser',
      (c) => u(c).get(S.user_id, { include: ['notes', 'characters'] }),
      { query: { include: ['notes', 'characters'] } },
    ],
    [
      'users.create',
      'createUser',
      (c) => u(c).create({ username: 'beckett', email: 'b@example.com', role: 'PLAYER' }),
      { body: { username: 'beckett', email: 'b@example.com', role: 'PLAYER' } },
    ],
    [
      'users.update',
      'updateUser',
      (c) => u(c).update(S.user_id, { name_first: 'Beck' }),
      { body: { name_first: 'Beck' } },
    ],
    ['users.delete', 'deleteUser', (c) => u(c).delete(S.user_id)],
    [
      'users.getUnapprovedPage',
      'listUnapprovedUsers',
      (c) => u(c).getUnapprovedPage({ limit: 7, offset: 3 }),
      { query: page() },
    ],
    ['users.listAllUnapproved', 'listUnapprovedUsers', (c) => u(c).listAllUnapproved(), { query: walk(100) }],
    [
      'users.iterAllUnapproved',
      'listUnapprovedUsers',
      (c) => first(u(c).iterAllUnapproved({ limit: 20 })),
      { query: walk(20) },
    ],
    [
      'users.approveUser',
      'approveUser',
      (c) => u(c).approveUser(S.user_id, 'STORYTELLER'),
      { body: { role: 'STORYTELLER' } },
    ],
    ['users.denyUser', 'denyUser', (c) => u(c).denyUser(S.user_id)],
    [
      'users.merge',
      'mergeUsers',
      (c) => u(c).merge(V.primaryUser, V.secondaryUser),
      { body: { primary_user_id: V.primaryUser, secondary_user_id: V.secondaryUser } },
    ],
    [
      'users.linkIdentity',
      'linkUserIdentity',
      (c) => u(c).linkIdentity(S.user_id, { provider: 'google', token: 'gtok' }),
      { body: { provider: 'google', token: 'gtok' } },
    ],
    ['users.unlinkIdentity', 'unlinkUserIdentity', (c) => u(c).unlinkIdentity(S.user_id, S.provider)],
    [
      'users.getStatistics',
      'getUserStatistics',
      (c) => u(c).getStatistics(S.user_id, { numTopTraits: 4 }),
      { query: { num_top_traits: '4' } },
    ],
    [
      'users.getAssetsPage',
      'listUserAssets',
      (c) => u(c).getAssetsPage(S.user_id, { limit: 7, offset: 3, assetType: 'image' }),
      { query: page({ asset_type: 'image' }) },
    ],
    [
      'users.listAllAssets',
      'listUserAssets',
      (c) => u(c).listAllAssets(S.user_id, { assetType: 'audio' }),
      { query: walk(100, { asset_type: 'audio' }) },
    ],
    [
      'users.iterAllAssets',
      'listUserAssets',
      (c) => first(u(c).iterAllAssets(S.user_id)),
      { query: walk(100) },
    ],
    ['users.getAsset', 'getUserAsset', (c) => u(c).getAsset(S.user_id, S.asset_id)],
    ['users.deleteAsset', 'deleteUserAsset', (c) => u(c).deleteAsset(S.user_id, S.asset_id)],
    [
      'users.uploadAsset',
      'uploadUserAsset',
      (c) => u(c).uploadAsset(S.user_id, 'map.png', png),
      { body: upload('map.png', 'image/png') },
    ],
    [
      'users.uploadAvatar',
      'setUserAvatar',
      (c) => u(c).uploadAvatar(S.user_id, 'me.webp', png, { contentType: 'image/webp' }),
      { body: upload('me.webp', 'image/webp') },
    ],
    ['users.deleteAvatar', 'deleteUserAvatar', (c) => u(c).deleteAvatar(S.user_id)],
    ['users.getExperience', 'getCampaignExperience', (c) => u(c).getExperience(S.user_id, S.campaign_id)],
    ['users.addXp', 'addXp', (c) => u(c).addXp(S.user_id, V.xpCampaign, 5), { body: xp }],
    ['users.removeXp', 'removeXp', (c) => u(c).removeXp(S.user_id, V.xpCampaign, 5), { body: xp }],
    [
      'users.addCoolPoints',
      'addCpToCampaignExperience',
      (c) => u(c).addCoolPoints(S.user_id, V.xpCampaign, 5),
      { body: xp },
    ],
    [
      'users.getNotesPage',
      'listUserNotes',
      (c) => u(c).getNotesPage(S.user_id, { limit: 7, offset: 3 }),
      { query: page() },
    ],
    ['users.listAllNotes', 'listUserNotes', (c) => u(c).listAllNotes(S.user_id), { query: walk(100) }],
    [
      'users.iterAllNotes',
      'listUserNotes',
      (c) => first(u(c).iterAllNotes(S.user_id, { limit: 12 })),
      { query: walk(12) },
    ],
    ['users.getNote', 'getUserNote', (c) => u(c).getNote(S.user_id, S.note_id)],
    ['users.createNote', 'createUserNote', (c) => u(c).createNote(S.user_id, note), { body: note }],
    [
      'users.updateNote',
      'updateUserNote',
      (c) => u(c).updateNote(S.user_id, S.note_id, { title: 'Old haven' }),
      { body: { title: 'Old haven' } },
    ],
    ['users.deleteNote', 'deleteUserNote', (c) => u(c).deleteNote(S.user_id, S.note_id)],
    [
      'users.getQuickrollsPage',
      'listUserQuickrolls',
      (c) => u(c).getQuickrollsPage(S.user_id, { limit: 7, offset: 3 }),
      { query: page() },
    ],
    [
      'users.listAllQuickrolls',
      'listUserQuickrolls',
      (c) => u(c).listAllQuickrolls(S.user_id),
      { query: walk(100) },
    ],
    [
      'users.iterAllQuickrolls',
      'listUserQuickrolls',
      (c) => first(u(c).iterAllQuickrolls(S.user_id)),
      { query: walk(100) },
    ],
    ['users.getQuickroll', 'getUserQuickroll', (c) => u(c).getQuickroll(S.user_id, S.quickroll_id)],
    [
      'users.createQuickroll',
      'createUserQuickroll',
      (c) => u(c).createQuickroll(S.user_id, { name: 'Shoot', trait_ids: [V.quickrollTrait] }),
      { body: { name: 'Shoot', trait_ids: [V.quickrollTrait] } },
    ],
    [
      'users.updateQuickroll',
      'updateUserQuickroll',
      (c) => u(c).updateQuickroll(S.user_id, S.quickroll_id, { name: 'Aim' }),
      { body: { name: 'Aim' } },
    ],
    ['users.deleteQuickroll', 'deleteUserQuickroll', (c) => u(c).deleteQuickroll(S.user_id, S.quickroll_id)],
  ];
}

function campaignRows(): Row[] {
  const camp = (c: ValentinaClient) => c.campaigns(ACTOR, scope);
  return [
    [
      'campaigns.getPage',
      'listCampaigns',
      (c) => camp(c).getPage({ limit: 7, offset: 3 }),
      { query: page(), ...NOBODY },
    ],
    ['campaigns.listAll', 'listCampaigns', (c) => camp(c).listAll(), { query: walk(100), ...NOBODY }],
    [
      'campaigns.iterAll',
      'listCampaigns',
      (c) => first(camp(c).iterAll({ limit: 9 })),
      { query: walk(9), ...NOBODY },
    ],
    ['campaigns.get', 'getCampaign', (c) => camp(c).get(S.campaign_id), NOBODY],
    [
      'campaigns.create',
      'createCampaign',
      (c) => camp(c).create({ name: 'Chicago by Night' }),
      { body: { name: 'Chicago by Night' } },
    ],
    [
      'campaigns.update',
      'updateCampaign',
      (c) => camp(c).update(S.campaign_id, { in_game_date: null }),
      { body: { in_game_date: null } },
    ],
    ['campaigns.delete', 'deleteCampaign', (c) => camp(c).delete(S.campaign_id)],
    [
      'campaigns.getStatistics',
      'getCampaignStatistics',
      (c) => camp(c).getStatistics(S.campaign_id, { numTopTraits: 2 }),
      { query: { num_top_traits: '2' } },
    ],
    [
      'campaigns.getAssetsPage',
      'listCampaignAssets',
      (c) => camp(c).getAssetsPage(S.campaign_id, { limit: 7, offset: 3, assetType: 'document' }),
      { query: page({ asset_type: 'document' }) },
    ],
    [
      'campaigns.listAllAssets',
      'listCampaignAssets',
      (c) => camp(c).listAllAssets(S.campaign_id),
      { query: walk(100) },
    ],
    [
      'campaigns.iterAllAssets',
      'listCampaignAssets',
      (c) => first(camp(c).iterAllAssets(S.campaign_id, { assetType: 'video' })),
      { query: walk(100, { asset_type: 'video' }) },
    ],
    ['campaigns.getAsset', 'getCampaignAsset', (c) => camp(c).getAsset(S.campaign_id, S.asset_id)],
    ['campaigns.deleteAsset', 'deleteCampaignAsset', (c) => camp(c).deleteAsset(S.campaign_id, S.asset_id)],
    [
      'campaigns.uploadAsset',
      'uploadCampaignAsset',
      (c) => camp(c).uploadAsset(S.campaign_id, 'city.png', png),
      { body: upload('city.png', 'image/png') },
    ],
    [
      'campaigns.getNotesPage',
      'listCampaignNotes',
      (c) => camp(c).getNotesPage(S.campaign_id, { limit: 7, offset: 3 }),
      { query: page() },
    ],
    [
      'campaigns.listAllNotes',
      'listCampaignNotes',
      (c) => camp(c).listAllNotes(S.campaign_id),
      { query: walk(100) },
    ],
    [
      'campaigns.iterAllNotes',
      'listCampaignNotes',
      (c) => first(camp(c).iterAllNotes(S.campaign_id)),
      { query: walk(100) },
    ],
    ['campaigns.getNote', 'getCampaignNote', (c) => camp(c).getNote(S.campaign_id, S.note_id)],
    [
      'campaigns.createNote',
      'createCampaignNote',
      (c) => camp(c).createNote(S.campaign_id, note),
      { body: note },
    ],
    [
      'campaigns.updateNote',
      'updateCampaignNote',
      (c) => camp(c).updateNote(S.campaign_id, S.note_id, { content: 'Burned down.' }),
      { body: { content: 'Burned down.' } },
    ],
    ['campaigns.deleteNote', 'deleteCampaignNote', (c) => camp(c).deleteNote(S.campaign_id, S.note_id)],
  ];
}

function bookRows(): Row[] {
  const books = (c: ValentinaClient) => c.books(ACTOR, S.campaign_id, scope);
  return [
    [
      'books.getPage',
      'listCampaignBooks',
      (c) => books(c).getPage({ limit: 7, offset: 3 }),
      { query: page(), ...NOBODY },
    ],
    ['books.listAll', 'listCampaignBooks', (c) => books(c).listAll(), { query: walk(100), ...NOBODY }],
    ['books.iterAll', 'listCampaignBooks', (c) => first(books(c).iterAll()), { query: walk(100), ...NOBODY }],
    [
      'books.get',
      'getCampaignBook',
      (c) => books(c).get(S.book_id, { include: ['chapters'] }),
      { query: { include: 'chapters' }, ...NOBODY },
    ],
    [
      'books.create',
      'createCampaignBook',
      (c) => books(c).create({ name: 'Book One' }),
      { body: { name: 'Book One' } },
    ],
    [
      'books.update',
      'updateCampaignBook',
      (c) => books(c).update(S.book_id, { description: null }),
      { body: { description: null } },
    ],
    ['books.delete', 'deleteCampaignBook', (c) => books(c).delete(S.book_id)],
    [
      'books.renumber',
      'renumberCampaignBook',
      (c) => books(c).renumber(S.book_id, 2),
      { body: { number: 2 } },
    ],
    [
      'books.getNotesPage',
      'listBookNotes',
      (c) => books(c).getNotesPage(S.book_id, { limit: 7, offset: 3 }),
      { query: page() },
    ],
    ['books.listAllNotes', 'listBookNotes', (c) => books(c).listAllNotes(S.book_id), { query: walk(100) }],
    [
      'books.iterAllNotes',
      'listBookNotes',
      (c) => first(books(c).iterAllNotes(S.book_id)),
      { query: walk(100) },
    ],
    ['books.getNote', 'getBookNote', (c) => books(c).getNote(S.book_id, S.note_id)],
    ['books.createNote', 'createBookNote', (c) => books(c).createNote(S.book_id, note), { body: note }],
    [
      'books.updateNote',
      'updateBookNote',
      (c) => books(c).updateNote(S.book_id, S.note_id, { title: 'Prologue' }),
      { body: { title: 'Prologue' } },
    ],
    ['books.deleteNote', 'deleteBookNote', (c) => books(c).deleteNote(S.book_id, S.note_id)],
    [
      'books.getAssetsPage',
      'listBookAssets',
      (c) => books(c).getAssetsPage(S.book_id, { limit: 7, offset: 3, assetType: 'archive' }),
      { query: page({ asset_type: 'archive' }) },
    ],
    ['books.listAllAssets', 'listBookAssets', (c) => books(c).listAllAssets(S.book_id), { query: walk(100) }],
    [
      'books.iterAllAssets',
      'listBookAssets',
      (c) => first(books(c).iterAllAssets(S.book_id, { assetType: 'text' })),
      { query: walk(100, { asset_type: 'text' }) },
    ],
    ['books.getAsset', 'getBookAsset', (c) => books(c).getAsset(S.book_id, S.asset_id)],
    ['books.deleteAsset', 'deleteBookAsset', (c) => books(c).deleteAsset(S.book_id, S.asset_id)],
    [
      'books.uploadAsset',
      'uploadBookAsset',
      (c) => books(c).uploadAsset(S.book_id, 'cover.png', png),
      { body: upload('cover.png', 'image/png') },
    ],
  ];
}

function chapterRows(): Row[] {
  const ch = (c: ValentinaClient) => c.chapters(ACTOR, S.campaign_id, S.book_id, scope);
  return [
    [
      'chapters.getPage',
      'listCampaignChapters',
      (c) => ch(c).getPage({ limit: 7, offset: 3 }),
      { query: page(), ...NOBODY },
    ],
    ['chapters.listAll', 'listCampaignChapters', (c) => ch(c).listAll(), { query: walk(100), ...NOBODY }],
    [
      'chapters.iterAll',
      'listCampaignChapters',
      (c) => first(ch(c).iterAll({ limit: 11 })),
      { query: walk(11), ...NOBODY },
    ],
    [
      'chapters.get',
      'getCampaignChapter',
      (c) => ch(c).get(S.chapter_id, { include: ['notes', 'assets'] }),
      { query: { include: ['notes', 'assets'] }, ...NOBODY },
    ],
    [
      'chapters.create',
      'createCampaignChapter',
      (c) => ch(c).create({ name: 'The Embrace' }),
      { body: { name: 'The Embrace' } },
    ],
    [
      'chapters.update',
      'updateCampaignChapter',
      (c) => ch(c).update(S.chapter_id, { character_ids: [] }),
      { body: { character_ids: [] } },
    ],
    ['chapters.delete', 'deleteCampaignChapter', (c) => ch(c).delete(S.chapter_id)],
    [
      'chapters.renumber',
      'renumberCampaignChapter',
      (c) => ch(c).renumber(S.chapter_id, 4),
      { body: { number: 4 } },
    ],
    [
      'chapters.getNotesPage',
      'listChapterNotes',
      (c) => ch(c).getNotesPage(S.chapter_id, { limit: 7, offset: 3 }),
      { query: page() },
    ],
    [
      'chapters.listAllNotes',
      'listChapterNotes',
      (c) => ch(c).listAllNotes(S.chapter_id),
      { query: walk(100) },
    ],
    [
      'chapters.iterAllNotes',
      'listChapterNotes',
      (c) => first(ch(c).iterAllNotes(S.chapter_id)),
      { query: walk(100) },
    ],
    ['chapters.getNote', 'getChapterNote', (c) => ch(c).getNote(S.chapter_id, S.note_id)],
    ['chapters.createNote', 'createChapterNote', (c) => ch(c).createNote(S.chapter_id, note), { body: note }],
    [
      'chapters.updateNote',
      'updateChapterNote',
      (c) => ch(c).updateNote(S.chapter_id, S.note_id, { title: 'Scene 2' }),
      { body: { title: 'Scene 2' } },
    ],
    ['chapters.deleteNote', 'deleteChapterNote', (c) => ch(c).deleteNote(S.chapter_id, S.note_id)],
    [
      'chapters.getAssetsPage',
      'listChapterAssets',
      (c) => ch(c).getAssetsPage(S.chapter_id, { limit: 7, offset: 3, assetType: 'other' }),
      { query: page({ asset_type: 'other' }) },
    ],
    [
      'chapters.listAllAssets',
      'listChapterAssets',
      (c) => ch(c).listAllAssets(S.chapter_id),
      { query: walk(100) },
    ],
    [
      'chapters.iterAllAssets',
      'listChapterAssets',
      (c) => first(ch(c).iterAllAssets(S.chapter_id)),
      { query: walk(100) },
    ],
    ['chapters.getAsset', 'getChapterAsset', (c) => ch(c).getAsset(S.chapter_id, S.asset_id)],
    ['chapters.deleteAsset', 'deleteChapterAsset', (c) => ch(c).deleteAsset(S.chapter_id, S.asset_id)],
    [
      'chapters.uploadAsset',
      'uploadChapterAsset',
      (c) => ch(c).uploadAsset(S.chapter_id, 'handout.pdf', 'text'),
      { body: upload('handout.pdf', 'application/pdf') },
    ],
  ];
}

function characterRows(): Row[] {
  // With a campaign scope: lists filter by it and new characters go into it.
  const ch = (c: ValentinaClient) => c.characters(ACTOR, S.campaign_id, scope);
  const newCharacter = {
    name_first: 'Lucita',
    name_last: 'Aragon',
    character_class: 'MORTAL',
    game_version: 'V5',
  } as const;
  return [
    [
      'characters.getPage',
      'listCharacters',
      (c) =>
        ch(c).getPage({
          limit: 7,
          offset: 3,
          userPlayerId: V.filterUser,
          userCreatorId: S.user_id,
          characterClass: 'VAMPIRE',
          characterType: 'NPC',
          status: 'ALIVE',
          isTemporary: false,
        }),
      {
        query: page({
          campaign_id: S.campaign_id,
          user_player_id: V.filterUser,
          user_creator_id: S.user_id,
          character_class: 'VAMPIRE',
          character_type: 'NPC',
          status: 'ALIVE',
          is_temporary: 'false',
        }),
      },
    ],
    [
      'characters.listAll',
      'listCharacters',
      (c) => ch(c).listAll({ campaignId: V.filterCampaign }),
      { query: walk(100, { campaign_id: V.filterCampaign }) },
    ],
    [
      'characters.iterAll',
      'listCharacters',
      (c) => first(ch(c).iterAll({ status: 'DEAD' })),
      { query: walk(100, { campaign_id: S.campaign_id, status: 'DEAD' }) },
    ],
    [
      'characters.get',
      'getCharacter',
      (c) => ch(c).get(S.character_id, { include: ['traits'] }),
      { query: { include: 'traits' } },
    ],
    [
      'characters.create',
      'createCharacter',
      (c) => ch(c).create(newCharacter),
      { body: { ...newCharacter, campaign_id: S.campaign_id } },
    ],
    [
      'characters.update',
      'updateCharacter',
      (c) => ch(c).update(S.character_id, { date_of_birth: null }),
      { body: { date_of_birth: null } },
    ],
    ['characters.delete', 'deleteCharacter', (c) => ch(c).delete(S.character_id)],
    [
      'characters.getStatistics',
      'getCharacterStatistics',
      (c) => ch(c).getStatistics(S.character_id, { numTopTraits: 6 }),
      { query: { num_top_traits: '6' } },
    ],
    [
      'characters.getFullSheet',
      'getCharacterFullSheet',
      (c) => ch(c).getFullSheet(S.character_id, { includeAvailableTraits: true }),
      { query: { include_available_traits: 'true' } },
    ],
    [
      'characters.getFullSheetCategory',
      'getCharacterFullSheetCategory',
      (c) => ch(c).getFullSheetCategory(S.character_id, S.category_id, { includeAvailableTraits: false }),
      { query: { include_available_traits: 'false' } },
    ],
    [
      'characters.getInventoryPage',
      'listCharacterInventoryItems',
      (c) => ch(c).getInventoryPage(S.character_id, { limit: 7, offset: 3 }),
      { query: page() },
    ],
    [
      'characters.listAllInventory',
      'listCharacterInventoryItems',
      (c) => ch(c).listAllInventory(S.character_id),
      { query: walk(100) },
    ],
    [
      'characters.iterAllInventory',
      'listCharacterInventoryItems',
      (c) => first(ch(c).iterAllInventory(S.character_id, { limit: 5 })),
      { query: walk(5) },
    ],
    [
      'characters.getInventoryItem',
      'getCharacterInventoryItem',
      (c) => ch(c).getInventoryItem(S.character_id, S.inventory_item_id),
    ],
    [
      'characters.createInventoryItem',
      'createCharacterInventoryItem',
      (c) => ch(c).createInventoryItem(S.character_id, { name: 'Stake', type: 'WEAPON' }),
      { body: { name: 'Stake', type: 'WEAPON' } },
    ],
    [
      'characters.updateInventoryItem',
      'updateCharacterInventoryItem',
      (c) => ch(c).updateInventoryItem(S.character_id, S.inventory_item_id, { description: null }),
      { body: { description: null } },
    ],
    [
      'characters.deleteInventoryItem',
      'deleteCharacterInventoryItem',
      (c) => ch(c).deleteInventoryItem(S.character_id, S.inventory_item_id),
    ],
    [
      'characters.getNotesPage',
      'listCharacterNotes',
      (c) => ch(c).getNotesPage(S.character_id, { limit: 7, offset: 3 }),
      { query: page() },
    ],
    [
      'characters.listAllNotes',
      'listCharacterNotes',
      (c) => ch(c).listAllNotes(S.character_id),
      { query: walk(100) },
    ],
    [
      'characters.iterAllNotes',
      'listCharacterNotes',
      (c) => first(ch(c).iterAllNotes(S.character_id)),
      { query: walk(100) },
    ],
    ['characters.getNote', 'getCharacterNote', (c) => ch(c).getNote(S.character_id, S.note_id)],
    [
      'characters.createNote',
      'createCharacterNote',
      (c) => ch(c).createNote(S.character_id, note),
      { body: note },
    ],
    [
      'characters.updateNote',
      'updateCharacterNote',
      (c) => ch(c).updateNote(S.character_id, S.note_id, { content: 'Known.' }),
      { body: { content: 'Known.' } },
    ],
    ['characters.deleteNote', 'deleteCharacterNote', (c) => ch(c).deleteNote(S.character_id, S.note_id)],
    [
      'characters.getAssetsPage',
      'listCharacterAssets',
      (c) => ch(c).getAssetsPage(S.character_id, { limit: 7, offset: 3, assetType: 'image' }),
      { query: page({ asset_type: 'image' }) },
    ],
    [
      'characters.listAllAssets',
      'listCharacterAssets',
      (c) => ch(c).listAllAssets(S.character_id),
      { query: walk(100) },
    ],
    [
      'characters.iterAllAssets',
      'listCharacterAssets',
      (c) => first(ch(c).iterAllAssets(S.character_id)),
      { query: walk(100) },
    ],
    ['characters.getAsset', 'getCharacterAsset', (c) => ch(c).getAsset(S.character_id, S.asset_id)],
    ['characters.deleteAsset', 'deleteCharacterAsset', (c) => ch(c).deleteAsset(S.character_id, S.asset_id)],
    [
      'characters.uploadAsset',
      'uploadCharacterAsset',
      (c) => ch(c).uploadAsset(S.character_id, 'portrait.jpg', png),
      { body: upload('portrait.jpg', 'image/jpeg') },
    ],
  ];
}

function traitRows(): Row[] {
  const tr = (c: ValentinaClient) => c.characterTraits(ACTOR, S.campaign_id, S.character_id, scope);
  return [
    [
      'characterTraits.getPage',
      'listCharacterTraits',
      (c) => tr(c).getPage({ limit: 7, offset: 3, categoryId: S.category_id, isRollable: true }),
      { query: page({ category_id: S.category_id, is_rollable: 'true' }) },
    ],
    [
      'characterTraits.listAll',
      'listCharacterTraits',
      (c) => tr(c).listAll({ isRollable: false }),
      { query: walk(100, { is_rollable: 'false' }) },
    ],
    ['characterTraits.iterAll', 'listCharacterTraits', (c) => first(tr(c).iterAll()), { query: walk(100) }],
    ['characterTraits.get', 'getCharacterTrait', (c) => tr(c).get(S.character_trait_id)],
    [
      'characterTraits.delete',
      'deleteCharacterTrait',
      (c) => tr(c).delete(S.character_trait_id, { currency: 'XP' }),
      { query: { currency: 'XP' } },
    ],
    [
      'characterTraits.assign',
      'assignTraitToCharacter',
      (c) => tr(c).assign(V.blueprintTrait, 2, 'STARTING_POINTS'),
      { body: { trait_id: V.blueprintTrait, value: 2, currency: 'STARTING_POINTS' } },
    ],
    [
      'characterTraits.bulkAssign',
      'bulkAssignTraitsToCharacter',
      (c) => tr(c).bulkAssign([{ trait_id: V.blueprintTrait, value: 1 }]),
      { body: [{ trait_id: V.blueprintTrait, value: 1 }] },
    ],
    [
      'characterTraits.create',
      'createCustomTrait',
      (c) => tr(c).create({ name: 'Streetwise', category_id: S.category_id, currency: 'NO_COST' }),
      { body: { name: 'Streetwise', category_id: S.category_id, currency: 'NO_COST' } },
    ],
    [
      'characterTraits.getValueOptions',
      'getTraitValueOptions',
      (c) => tr(c).getValueOptions(S.character_trait_id),
    ],
    [
      'characterTraits.changeValue',
      'modifyTraitValue',
      (c) => tr(c).changeValue(S.character_trait_id, 3, 'XP'),
      { body: { target_value: 3, currency: 'XP' } },
    ],
  ];
}

function autogenRows(): Row[] {
  const ag = (c: ValentinaClient) => c.characterAutogen(ACTOR, S.campaign_id, scope);
  return [
    [
      'characterAutogen.generateCharacter',
      'autogenerateCharacter',
      (c) => ag(c).generateCharacter({ character_type: 'NPC' }),
      { query: { campaign_id: S.campaign_id }, body: { character_type: 'NPC' } },
    ],
    [
      'characterAutogen.startChargenSession',
      'startChargenSession',
      (c) => ag(c).startChargenSession({ campaignId: V.filterCampaign }),
      { query: { campaign_id: V.filterCampaign } },
    ],
    [
      'characterAutogen.finalizeChargenSession',
      'finalizeChargenSession',
      (c) => ag(c).finalizeChargenSession(S.session_id, V.selectedCharacter),
      { body: { session_id: S.session_id, selected_character_id: V.selectedCharacter } },
    ],
    ['characterAutogen.listAll', 'listChargenSessions', (c) => ag(c).listAll()],
    ['characterAutogen.get', 'getChargenSession', (c) => ag(c).get(S.session_id)],
  ];
}

function diceRows(): Row[] {
  const d = (c: ValentinaClient) => c.diceRolls(ACTOR, scope);
  return [
    [
      'diceRolls.getPage',
      'listDiceRolls',
      (c) =>
        d(c).getPage({
          limit: 7,
          offset: 3,
          userId: V.filterUser,
          characterId: V.filterCharacter,
          campaignId: V.filterCampaign,
          characterType: 'PLAYER',
        }),
      {
        query: page({
          userid: V.filterUser,
          characterid: V.filterCharacter,
          campaignid: V.filterCampaign,
          character_type: 'PLAYER',
        }),
      },
    ],
    [
      'diceRolls.listAll',
      'listDiceRolls',
      (c) => d(c).listAll({ characterType: 'STORYTELLER' }),
      { query: walk(100, { character_type: 'STORYTELLER' }) },
    ],
    [
      'diceRolls.iterAll',
      'listDiceRolls',
      (c) => first(d(c).iterAll({ userId: V.filterUser })),
      { query: walk(100, { userid: V.filterUser }) },
    ],
    ['diceRolls.get', 'getDiceRoll', (c) => d(c).get(S.diceroll_id)],
    [
      'diceRolls.create',
      'createDiceRoll',
      (c) => d(c).create({ dice_size: 10, num_dice: 5, difficulty: 6 }),
      { body: { dice_size: 10, num_dice: 5, difficulty: 6 } },
    ],
    [
      'diceRolls.createFromQuickroll',
      'createQuickRoll',
      (c) => d(c).createFromQuickroll({ quickroll_id: S.quickroll_id, character_id: S.character_id }),
      { body: { quickroll_id: S.quickroll_id, character_id: S.character_id } },
    ],
  ];
}

/** One row per public method of the service layer (plus nothing else). */
export const wiringTable: Wiring[] = [
  ...unscoped,
  ...identityAndReference,
  ...group(ACTOR, [
    ...usersRows(),
    ...campaignRows(),
    ...bookRows(),
    ...chapterRows(),
    ...characterRows(),
    ...traitRows(),
    ...autogenRows(),
    ...diceRows(),
  ]),
];
