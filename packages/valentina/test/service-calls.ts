/**
 * One call of every method of every service, with valid arguments. The unit tests run them against the
 * fake client (every operation must be reached); the contract tests run them against Prism (every request
 * must satisfy the spec).
 */
import type { ValentinaClient } from '../src/index.js';

/** A deterministic UUID numbered `n` (the same layout as the fake's). */
const id = (n: number) => `5a3e0c1d-7b2f-4c6a-9d8e-${n.toString(16).padStart(12, '0')}`;

export const USER = id(1);
const OTHER = id(2);
const CAMPAIGN = id(3);
const BOOK = id(4);
const CHAPTER = id(5);
const CHARACTER = id(6);
const ID = id(7);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

const first = async <T>(it: AsyncIterable<T>): Promise<T | undefined> => {
  for await (const x of it) return x;
  return undefined;
};

export type ServiceCall = [string, (c: ValentinaClient) => Promise<unknown>];
type Call = ServiceCall;

export const serviceCalls: Call[] = [
  ['system.health', (c) => c.system.health()],
  ['developer.getMe', (c) => c.developer.getMe()],
  ['developer.updateMe', (c) => c.developer.updateMe({ username: 'nightowl' })],
  ['developer.regenerateApiKey', (c) => c.developer.regenerateApiKey()],
  ['companies.getPage', (c) => c.companies.getPage()],
  ['companies.listAll', (c) => c.companies.listAll()],
  ['companies.iterAll', (c) => first(c.companies.iterAll())],
  ['companies.get', (c) => c.companies.get(ID)],
  ['companies.create', (c) => c.companies.create({ name: 'Night Court', email: 'gm@example.com' })],
  ['companies.update', (c) => c.companies.update(ID, { description: null })],
  ['companies.delete', (c) => c.companies.delete(ID)],
  ['companies.grantAccess', (c) => c.companies.grantAccess(ID, OTHER, 'ADMIN')],
  ['companies.getStatistics', (c) => c.companies.getStatistics(ID, { numTopTraits: 3 })],
  ['companies.getAuditLogPage', (c) => c.companies.getAuditLogPage(ID, { entityType: 'CAMPAIGN' })],
  ['companies.listAllAuditLogs', (c) => c.companies.listAllAuditLogs(ID)],
  ['companies.iterAllAuditLogs', (c) => first(c.companies.iterAllAuditLogs(ID))],
  ['globalAdmin.getDeveloperPage', (c) => c.globalAdmin.getDeveloperPage({ isGlobalAdmin: true })],
  ['globalAdmin.listAllDevelopers', (c) => c.globalAdmin.listAllDevelopers()],
  ['globalAdmin.iterAllDevelopers', (c) => first(c.globalAdmin.iterAllDevelopers())],
  ['globalAdmin.getDeveloper', (c) => c.globalAdmin.getDeveloper(ID)],
  [
    'globalAdmin.createDeveloper',
    (c) => c.globalAdmin.createDeveloper({ username: 'newdev', email: 'd@example.com' }),
  ],
  ['globalAdmin.updateDeveloper', (c) => c.globalAdmin.updateDeveloper(ID, { is_global_admin: false })],
  ['globalAdmin.deleteDeveloper', (c) => c.globalAdmin.deleteDeveloper(ID)],
  ['globalAdmin.createApiKey', (c) => c.globalAdmin.createApiKey(ID)],
  ['globalAdmin.getUserPage', (c) => c.globalAdmin.getUserPage({ companyId: ID, isArchived: false })],
  ['globalAdmin.listAllUsers', (c) => c.globalAdmin.listAllUsers()],
  ['globalAdmin.iterAllUsers', (c) => first(c.globalAdmin.iterAllUsers())],
  ['globalAdmin.getUser', (c) => c.globalAdmin.getUser(ID)],
  [
    'globalAdmin.createUser',
    (c) =>
      c.globalAdmin.createUser({
        company_id: ID,
        username: 'lucita',
        email: 'l@example.com',
        role: 'PLAYER',
      }),
  ],
  ['globalAdmin.updateUser', (c) => c.globalAdmin.updateUser(ID, { is_archived: true })],
  ['globalAdmin.deleteUser', (c) => c.globalAdmin.deleteUser(ID)],
  ['globalAdmin.getAuditLogPage', (c) => c.globalAdmin.getAuditLogPage(ID, { companyId: OTHER })],
  ['globalAdmin.listAllAuditLogs', (c) => c.globalAdmin.listAllAuditLogs(ID)],
  ['globalAdmin.iterAllAuditLogs', (c) => first(c.globalAdmin.iterAllAuditLogs(ID))],
  ['globalAdmin.tailLogs', (c) => c.globalAdmin.tailLogs({ level: 'ERROR' })],
  ['globalAdmin.downloadLogs', (c) => c.globalAdmin.downloadLogs()],
  ['userLookup.byEmail', (c) => c.userLookup.byEmail('l@example.com')],
  ['userLookup.byDiscordId', (c) => c.userLookup.byDiscordId('80351110224678912')],
  ['userLookup.byGoogleId', (c) => c.userLookup.byGoogleId('1098')],
  ['userLookup.byGithubId', (c) => c.userLookup.byGithubId('583231')],
  ['userLookup.byAppleId', (c) => c.userLookup.byAppleId('001234.abc')],
  ['identity.identify', (c) => c.identity().identify({ provider: 'discord', token: 'tok' })],
  ['options.getOptions', (c) => c.options().getOptions()],
  ['dictionary.getPage', (c) => c.dictionary().getPage({ term: 'blood' })],
  ['dictionary.listAll', (c) => c.dictionary().listAll()],
  ['dictionary.iterAll', (c) => first(c.dictionary().iterAll())],
  ['dictionary.get', (c) => c.dictionary().get(ID)],
  ['dictionary.create', (c) => c.dictionary().create({ term: 'Kindred' })],
  ['dictionary.update', (c) => c.dictionary().update(ID, { definition: null })],
  ['dictionary.delete', (c) => c.dictionary().delete(ID)],
  ...usersCalls(),
  ...campaignCalls(),
  ...characterCalls(),
  ...blueprintCalls(),
  ['diceRolls.getPage', (c) => c.diceRolls(USER).getPage({ characterId: CHARACTER })],
  ['diceRolls.listAll', (c) => c.diceRolls(USER).listAll()],
  ['diceRolls.iterAll', (c) => first(c.diceRolls(USER).iterAll())],
  ['diceRolls.get', (c) => c.diceRolls(USER).get(ID)],
  ['diceRolls.create', (c) => c.diceRolls(USER).create({ dice_size: 10, num_dice: 5, difficulty: 6 })],
  [
    'diceRolls.createFromQuickroll',
    (c) => c.diceRolls(USER).createFromQuickroll({ quickroll_id: ID, character_id: CHARACTER }),
  ],
];

function usersCalls(): Call[] {
  const u = (c: ValentinaClient) => c.users(USER);
  return [
    ['users.getPage', (c) => u(c).getPage({ userRole: 'PLAYER' })],
    ['users.listAll', (c) => u(c).listAll()],
    ['users.iterAll', (c) => first(u(c).iterAll())],
    ['users.get', (c) => u(c).get(ID, { include: ['notes'] })],
    ['users.create', (c) => u(c).create({ username: 'beckett', email: 'b@example.com', role: 'PLAYER' })],
    ['users.update', (c) => u(c).update(ID, { name_first: 'Beck' })],
    ['users.delete', (c) => u(c).delete(ID)],
    ['users.getUnapprovedPage', (c) => u(c).getUnapprovedPage()],
    ['users.listAllUnapproved', (c) => u(c).listAllUnapproved()],
    ['users.iterAllUnapproved', (c) => first(u(c).iterAllUnapproved())],
    ['users.approveUser', (c) => u(c).approveUser(ID, 'PLAYER')],
    ['users.denyUser', (c) => u(c).denyUser(ID)],
    ['users.merge', (c) => u(c).merge(ID, OTHER)],
    ['users.linkIdentity', (c) => u(c).linkIdentity(ID, { provider: 'github', token: 'gh' })],
    ['users.unlinkIdentity', (c) => u(c).unlinkIdentity(ID, 'github')],
    ['users.getStatistics', (c) => u(c).getStatistics(ID)],
    ['users.getAssetsPage', (c) => u(c).getAssetsPage(ID, { assetType: 'image' })],
    ['users.listAllAssets', (c) => u(c).listAllAssets(ID)],
    ['users.iterAllAssets', (c) => first(u(c).iterAllAssets(ID))],
    ['users.getAsset', (c) => u(c).getAsset(ID, OTHER)],
    ['users.deleteAsset', (c) => u(c).deleteAsset(ID, OTHER)],
    ['users.uploadAsset', (c) => u(c).uploadAsset(ID, 'map.png', png)],
    ['users.uploadAvatar', (c) => u(c).uploadAvatar(ID, 'me.png', png)],
    ['users.deleteAvatar', (c) => u(c).deleteAvatar(ID)],
    ['users.getExperience', (c) => u(c).getExperience(ID, CAMPAIGN)],
    ['users.addXp', (c) => u(c).addXp(ID, CAMPAIGN, 5)],
    ['users.removeXp', (c) => u(c).removeXp(ID, CAMPAIGN, 2)],
    ['users.addCoolPoints', (c) => u(c).addCoolPoints(ID, CAMPAIGN, 1)],
    ['users.getNotesPage', (c) => u(c).getNotesPage(ID)],
    ['users.listAllNotes', (c) => u(c).listAllNotes(ID)],
    ['users.iterAllNotes', (c) => first(u(c).iterAllNotes(ID))],
    ['users.getNote', (c) => u(c).getNote(ID, OTHER)],
    ['users.createNote', (c) => u(c).createNote(ID, { title: 'Haven', content: 'Under the bridge.' })],
    ['users.updateNote', (c) => u(c).updateNote(ID, OTHER, { title: 'Old haven' })],
    ['users.deleteNote', (c) => u(c).deleteNote(ID, OTHER)],
    ['users.getQuickrollsPage', (c) => u(c).getQuickrollsPage(ID)],
    ['users.listAllQuickrolls', (c) => u(c).listAllQuickrolls(ID)],
    ['users.iterAllQuickrolls', (c) => first(u(c).iterAllQuickrolls(ID))],
    ['users.getQuickroll', (c) => u(c).getQuickroll(ID, OTHER)],
    ['users.createQuickroll', (c) => u(c).createQuickroll(ID, { name: 'Shoot', trait_ids: [OTHER] })],
    ['users.updateQuickroll', (c) => u(c).updateQuickroll(ID, OTHER, { name: 'Aim' })],
    ['users.deleteQuickroll', (c) => u(c).deleteQuickroll(ID, OTHER)],
  ];
}

function campaignCalls(): Call[] {
  const camp = (c: ValentinaClient) => c.campaigns(USER);
  const books = (c: ValentinaClient) => c.books(USER, CAMPAIGN);
  const chapters = (c: ValentinaClient) => c.chapters(USER, CAMPAIGN, BOOK);
  const note = { title: 'Elysium', content: 'The opera house.' };
  return [
    ['campaigns.getPage', (c) => camp(c).getPage()],
    ['campaigns.listAll', (c) => camp(c).listAll()],
    ['campaigns.iterAll', (c) => first(camp(c).iterAll())],
    ['campaigns.get', (c) => camp(c).get(CAMPAIGN)],
    ['campaigns.create', (c) => camp(c).create({ name: 'Chicago by Night' })],
    ['campaigns.update', (c) => camp(c).update(CAMPAIGN, { in_game_date: null })],
    ['campaigns.delete', (c) => camp(c).delete(CAMPAIGN)],
    ['campaigns.getStatistics', (c) => camp(c).getStatistics(CAMPAIGN)],
    ['campaigns.getAssetsPage', (c) => camp(c).getAssetsPage(CAMPAIGN)],
    ['campaigns.listAllAssets', (c) => camp(c).listAllAssets(CAMPAIGN)],
    ['campaigns.iterAllAssets', (c) => first(camp(c).iterAllAssets(CAMPAIGN))],
    ['campaigns.getAsset', (c) => camp(c).getAsset(CAMPAIGN, ID)],
    ['campaigns.deleteAsset', (c) => camp(c).deleteAsset(CAMPAIGN, ID)],
    ['campaigns.uploadAsset', (c) => camp(c).uploadAsset(CAMPAIGN, 'city.png', png)],
    ['campaigns.getNotesPage', (c) => camp(c).getNotesPage(CAMPAIGN)],
    ['campaigns.listAllNotes', (c) => camp(c).listAllNotes(CAMPAIGN)],
    ['campaigns.iterAllNotes', (c) => first(camp(c).iterAllNotes(CAMPAIGN))],
    ['campaigns.getNote', (c) => camp(c).getNote(CAMPAIGN, ID)],
    ['campaigns.createNote', (c) => camp(c).createNote(CAMPAIGN, note)],
    ['campaigns.updateNote', (c) => camp(c).updateNote(CAMPAIGN, ID, { content: 'Burned down.' })],
    ['campaigns.deleteNote', (c) => camp(c).deleteNote(CAMPAIGN, ID)],
    ['books.getPage', (c) => books(c).getPage()],
    ['books.listAll', (c) => books(c).listAll()],
    ['books.iterAll', (c) => first(books(c).iterAll())],
    ['books.get', (c) => books(c).get(BOOK, { include: ['chapters'] })],
    ['books.create', (c) => books(c).create({ name: 'Book One' })],
    ['books.update', (c) => books(c).update(BOOK, { description: null })],
    ['books.delete', (c) => books(c).delete(BOOK)],
    ['books.renumber', (c) => books(c).renumber(BOOK, 2)],
    ['books.getNotesPage', (c) => books(c).getNotesPage(BOOK)],
    ['books.listAllNotes', (c) => books(c).listAllNotes(BOOK)],
    ['books.iterAllNotes', (c) => first(books(c).iterAllNotes(BOOK))],
    ['books.getNote', (c) => books(c).getNote(BOOK, ID)],
    ['books.createNote', (c) => books(c).createNote(BOOK, note)],
    ['books.updateNote', (c) => books(c).updateNote(BOOK, ID, { title: 'Prologue' })],
    ['books.deleteNote', (c) => books(c).deleteNote(BOOK, ID)],
    ['books.getAssetsPage', (c) => books(c).getAssetsPage(BOOK)],
    ['books.listAllAssets', (c) => books(c).listAllAssets(BOOK)],
    ['books.iterAllAssets', (c) => first(books(c).iterAllAssets(BOOK))],
    ['books.getAsset', (c) => books(c).getAsset(BOOK, ID)],
    ['books.deleteAsset', (c) => books(c).deleteAsset(BOOK, ID)],
    ['books.uploadAsset', (c) => books(c).uploadAsset(BOOK, 'cover.png', png)],
    ['chapters.getPage', (c) => chapters(c).getPage()],
    ['chapters.listAll', (c) => chapters(c).listAll()],
    ['chapters.iterAll', (c) => first(chapters(c).iterAll())],
    ['chapters.get', (c) => chapters(c).get(CHAPTER, { include: ['notes', 'assets'] })],
    ['chapters.create', (c) => chapters(c).create({ name: 'The Embrace' })],
    ['chapters.update', (c) => chapters(c).update(CHAPTER, { character_ids: [] })],
    ['chapters.delete', (c) => chapters(c).delete(CHAPTER)],
    ['chapters.renumber', (c) => chapters(c).renumber(CHAPTER, 1)],
    ['chapters.getNotesPage', (c) => chapters(c).getNotesPage(CHAPTER)],
    ['chapters.listAllNotes', (c) => chapters(c).listAllNotes(CHAPTER)],
    ['chapters.iterAllNotes', (c) => first(chapters(c).iterAllNotes(CHAPTER))],
    ['chapters.getNote', (c) => chapters(c).getNote(CHAPTER, ID)],
    ['chapters.createNote', (c) => chapters(c).createNote(CHAPTER, note)],
    ['chapters.updateNote', (c) => chapters(c).updateNote(CHAPTER, ID, { title: 'Scene 2' })],
    ['chapters.deleteNote', (c) => chapters(c).deleteNote(CHAPTER, ID)],
    ['chapters.getAssetsPage', (c) => chapters(c).getAssetsPage(CHAPTER)],
    ['chapters.listAllAssets', (c) => chapters(c).listAllAssets(CHAPTER)],
    ['chapters.iterAllAssets', (c) => first(chapters(c).iterAllAssets(CHAPTER))],
    ['chapters.getAsset', (c) => chapters(c).getAsset(CHAPTER, ID)],
    ['chapters.deleteAsset', (c) => chapters(c).deleteAsset(CHAPTER, ID)],
    ['chapters.uploadAsset', (c) => chapters(c).uploadAsset(CHAPTER, 'handout.pdf', 'text')],
  ];
}

function characterCalls(): Call[] {
  const ch = (c: ValentinaClient) => c.characters(USER, CAMPAIGN);
  const tr = (c: ValentinaClient) => c.characterTraits(USER, CAMPAIGN, CHARACTER);
  const ag = (c: ValentinaClient) => c.characterAutogen(USER, CAMPAIGN);
  const newCharacter = {
    name_first: 'Lucita',
    name_last: 'Aragon',
    character_class: 'MORTAL',
    game_version: 'V5',
  } as const;
  return [
    ['characters.getPage', (c) => ch(c).getPage({ characterClass: 'VAMPIRE' })],
    ['characters.listAll', (c) => ch(c).listAll()],
    ['characters.iterAll', (c) => first(ch(c).iterAll())],
    ['characters.get', (c) => ch(c).get(CHARACTER, { include: ['traits'] })],
    ['characters.create', (c) => ch(c).create(newCharacter)],
    ['characters.update', (c) => ch(c).update(CHARACTER, { date_of_birth: null })],
    ['characters.delete', (c) => ch(c).delete(CHARACTER)],
    ['characters.getStatistics', (c) => ch(c).getStatistics(CHARACTER)],
    ['characters.getFullSheet', (c) => ch(c).getFullSheet(CHARACTER, { includeAvailableTraits: true })],
    ['characters.getFullSheetCategory', (c) => ch(c).getFullSheetCategory(CHARACTER, ID)],
    ['characters.getInventoryPage', (c) => ch(c).getInventoryPage(CHARACTER)],
    ['characters.listAllInventory', (c) => ch(c).listAllInventory(CHARACTER)],
    ['characters.iterAllInventory', (c) => first(ch(c).iterAllInventory(CHARACTER))],
    ['characters.getInventoryItem', (c) => ch(c).getInventoryItem(CHARACTER, ID)],
    [
      'characters.createInventoryItem',
      (c) => ch(c).createInventoryItem(CHARACTER, { name: 'Stake', type: 'WEAPON' }),
    ],
    [
      'characters.updateInventoryItem',
      (c) => ch(c).updateInventoryItem(CHARACTER, ID, { description: null }),
    ],
    ['characters.deleteInventoryItem', (c) => ch(c).deleteInventoryItem(CHARACTER, ID)],
    ['characters.getNotesPage', (c) => ch(c).getNotesPage(CHARACTER)],
    ['characters.listAllNotes', (c) => ch(c).listAllNotes(CHARACTER)],
    ['characters.iterAllNotes', (c) => first(ch(c).iterAllNotes(CHARACTER))],
    ['characters.getNote', (c) => ch(c).getNote(CHARACTER, ID)],
    ['characters.createNote', (c) => ch(c).createNote(CHARACTER, { title: 'Sire', content: 'Unknown.' })],
    ['characters.updateNote', (c) => ch(c).updateNote(CHARACTER, ID, { content: 'Known.' })],
    ['characters.deleteNote', (c) => ch(c).deleteNote(CHARACTER, ID)],
    ['characters.getAssetsPage', (c) => ch(c).getAssetsPage(CHARACTER)],
    ['characters.listAllAssets', (c) => ch(c).listAllAssets(CHARACTER)],
    ['characters.iterAllAssets', (c) => first(ch(c).iterAllAssets(CHARACTER))],
    ['characters.getAsset', (c) => ch(c).getAsset(CHARACTER, ID)],
    ['characters.deleteAsset', (c) => ch(c).deleteAsset(CHARACTER, ID)],
    ['characters.uploadAsset', (c) => ch(c).uploadAsset(CHARACTER, 'portrait.png', png)],
    ['characterTraits.getPage', (c) => tr(c).getPage({ isRollable: true })],
    ['characterTraits.listAll', (c) => tr(c).listAll()],
    ['characterTraits.iterAll', (c) => first(tr(c).iterAll())],
    ['characterTraits.get', (c) => tr(c).get(ID)],
    ['characterTraits.delete', (c) => tr(c).delete(ID, { currency: 'XP' })],
    ['characterTraits.assign', (c) => tr(c).assign(ID, 2, 'STARTING_POINTS')],
    ['characterTraits.bulkAssign', (c) => tr(c).bulkAssign([{ trait_id: ID, value: 1 }])],
    [
      'characterTraits.create',
      (c) => tr(c).create({ name: 'Streetwise', category_id: ID, currency: 'NO_COST' }),
    ],
    ['characterTraits.getValueOptions', (c) => tr(c).getValueOptions(ID)],
    ['characterTraits.changeValue', (c) => tr(c).changeValue(ID, 3, 'XP')],
    ['characterAutogen.generateCharacter', (c) => ag(c).generateCharacter({ character_type: 'NPC' })],
    ['characterAutogen.startChargenSession', (c) => ag(c).startChargenSession()],
    ['characterAutogen.finalizeChargenSession', (c) => ag(c).finalizeChargenSession(ID, CHARACTER)],
    ['characterAutogen.listAll', (c) => ag(c).listAll()],
    ['characterAutogen.get', (c) => ag(c).get(ID)],
  ];
}

function blueprintCalls(): Call[] {
  const bp = (c: ValentinaClient) => c.characterBlueprint();
  const out: Call[] = [];
  const families = [
    ['Sections', 'Section'],
    ['Categories', 'Category'],
    ['Subcategories', 'Subcategory'],
    ['Traits', 'Trait'],
    ['Concepts', 'Concept'],
    ['VampireClans', 'VampireClan'],
    ['WerewolfTribes', 'WerewolfTribe'],
    ['WerewolfAuspices', 'WerewolfAuspice'],
  ] as const;
  for (const [plural, single] of families) {
    out.push([`characterBlueprint.get${plural}Page`, (c) => bp(c)[`get${plural}Page`]()]);
    out.push([`characterBlueprint.listAll${plural}`, (c) => bp(c)[`listAll${plural}`]()]);
    out.push([
      `characterBlueprint.iterAll${plural}`,
      (c) => first<unknown>(bp(c)[`iterAll${plural}`]() as AsyncIterable<unknown>),
    ]);
    out.push([`characterBlueprint.get${single}`, (c) => bp(c)[`get${single}`](ID)]);
  }
  return out;
}
