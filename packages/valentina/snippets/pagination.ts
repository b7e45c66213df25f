import { companiesService } from '@sdkforge/valentina';

const companies = companiesService();

// Get a single page with metadata
const page = await companies.getPage({ limit: 10, offset: 0 });
console.log(`Page ${page.currentPage} of ${page.totalPages}`);

for (const company of page.items) {
  console.log(company.name);
}

// Check if there are more pages
if (page.hasMore) {
  const nextPage = await companies.getPage({ limit: 10, offset: page.nextOffset });
  console.log(nextPage.items.length);
}

// Fetch all items at once
const allCompanies = await companies.listAll();
console.log(allCompanies.length);

// Stream through all items (one page in memory, the next one already on its way)
for await (const company of companies.iterAll()) {
  console.log(company.name);
}
