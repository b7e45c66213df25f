import { booksService, campaignsService, chaptersService, charactersService } from '@sdkforge/valentina';

const userId = '019a3c1f-0d42-7a9b-8c3e-6f1b2a4d5e70'; // sent as the On-Behalf-Of header

const campaign = await campaignsService(userId).create({ name: 'Chicago by Night', danger: 2 });
const book = await booksService(userId, campaign.id).create({ name: 'Book One: The Embrace' });
await chaptersService(userId, campaign.id, book.id).create({ name: 'Chapter 1: Last Call' });

// A characters service made for a campaign lists that campaign and creates characters in it.
const characters = charactersService(userId, campaign.id);
await characters.create({
  name_first: 'Lucita',
  name_last: 'Aragon',
  character_class: 'VAMPIRE',
  game_version: 'V5',
});
for await (const character of characters.iterAll()) console.log(character.name_first);
