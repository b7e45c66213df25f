/**
 * Valentina quick start (the Python client's README, in TypeScript): run with `scripts/run demo`, or
 * against the real API with VALENTINA_BASE_URL and VALENTINA_API_KEY set: `node examples/quickstart.ts`.
 */
import { companiesService, systemService, ValentinaClient } from '@sdkforge/valentina';

const show = (label: string, value: unknown) => console.log(`→ ${label}\n  ${JSON.stringify(value)}`);

// 1. Create the client once: it registers itself as the default client of the service factories.
await using client = new ValentinaClient({
  baseUrl: process.env.VALENTINA_BASE_URL,
  apiKey: process.env.VALENTINA_API_KEY,
});
show('client.config', client.config);

// 2. Use the services from anywhere.
const health = await systemService().health();
show('systemService().health()', { version: health.version, database: health.database_status });

const companies = companiesService();
const page = await companies.getPage({ limit: 10 });
show('companiesService().getPage({ limit: 10 })', {
  names: page.items.map((c) => c.name),
  total: page.total,
  hasMore: page.hasMore,
  currentPage: page.currentPage,
  totalPages: page.totalPages,
});

for await (const company of companies.iterAll()) {
  show('for await (… of companiesService().iterAll())', { id: company.id, name: company.name });
  break;
}

const company = await companies.get(page.items[0]!.id);
show(`companiesService().get('${company.id}')`, { name: company.name, email: company.email });
