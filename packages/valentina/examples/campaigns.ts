/**
 * Working on behalf of a user: campaigns, books, chapters, characters, traits and dice rolls, with the
 * seed's factories (`campaignsService(userId)`, `booksService(userId, campaignId)`, …). The user id travels
 * as the `On-Behalf-Of` header; the company comes from `defaultCompanyId`.
 */
import {
  booksService,
  campaignsService,
  chaptersService,
  charactersService,
  characterTraitsService,
  companiesService,
  diceRollsService,
  usersService,
  ValentinaClient,
} from '@sdkforge/valentina';

const show = (label: string, value: unknown) => console.log(`→ ${label}\n  ${JSON.stringify(value)}`);

const bootstrap = new ValentinaClient({
  baseUrl: process.env.VALENTINA_BASE_URL,
  apiKey: process.env.VALENTINA_API_KEY,
  setAsDefault: false,
});
const [company] = await bootstrap.companies.listAll();
await bootstrap.close();

await using client = new ValentinaClient({
  baseUrl: process.env.VALENTINA_BASE_URL,
  apiKey: process.env.VALENTINA_API_KEY,
  defaultCompanyId: company!.id,
});
show('defaultCompanyId', client.defaultCompanyId);
show('companiesService() is the client’s', companiesService() === client.companies);

const [storyteller] = await usersService().listAll({ userRole: 'STORYTELLER' });
const userId = storyteller!.id;
show('usersService().listAll({ userRole: "STORYTELLER" })', { userId, username: storyteller!.username });

const campaign = await campaignsService(userId).create({ name: 'Chicago by Night', danger: 2 });
show('campaignsService(userId).create(…)', { id: campaign.id, name: campaign.name });
const updated = await campaignsService(userId).update(campaign.id, { in_game_date: null, danger: 3 });
show('update(id, { in_game_date: null, danger: 3 }) — a partial update; null clears the date', {
  id: updated.id,
});

const book = await booksService(userId, campaign.id).create({ name: 'Book One: The Embrace' });
const chapter = await chaptersService(userId, campaign.id, book.id).create({ name: 'Last Call' });
show('books → chapters', { book: book.name, chapter: chapter.name });

const characters = charactersService(userId, campaign.id);
const character = await characters.create(
  { name_first: 'Lucita', name_last: 'Aragon', character_class: 'VAMPIRE', game_version: 'V5' },
  { idempotencyKey: 'lucita-2026-01' },
);
show('charactersService(userId, campaignId).create(…)', {
  id: character.id,
  class: character.character_class,
});

const traits = await characterTraitsService(userId, campaign.id, character.id).getPage({ limit: 5 });
show('characterTraitsService(…).getPage({ limit: 5 })', {
  total: traits.total,
  first: traits.items[0]?.trait.name,
});

const roll = await diceRollsService(userId).create({ dice_size: 10, num_dice: 5, difficulty: 6 });
show('diceRollsService(userId).create({ num_dice: 5, difficulty: 6 })', {
  dice: roll.result?.total_dice_roll,
  result: roll.result?.total_result_humanized,
});
