/**
 * Valentina quick start: run with `scripts/run demo`, or against the real API with
 * VALENTINA_BASE_URL and VALENTINA_API_KEY set: `node examples/quickstart.ts`.
 */
import { NotFoundError, RequestValidationError, ValentinaClient } from '@sdkforge/valentina';

const client = new ValentinaClient({
  baseUrl: process.env.VALENTINA_BASE_URL ?? 'https://api.valentina-noir.com',
  apiKey: process.env.VALENTINA_API_KEY ?? '',
});

const show = (label: string, value: unknown) => console.log(`→ ${label}\n  ${JSON.stringify(value)}`);

const health = await client.api.system.checkSystemHealth();
show('system.checkSystemHealth()', health);

const page = await client.api.companies.listCompaniesPage({ limit: 10 });
show('companies.listCompaniesPage({ limit: 10 })', {
  names: page.items.map((c) => c.name),
  total: page.total,
  hasMore: page.hasMore,
  currentPage: page.currentPage,
  totalPages: page.totalPages,
});

for await (const company of client.api.companies.listCompaniesIter()) {
  show('for await (… of companies.listCompaniesIter())', { id: company.id, name: company.name });
  break;
}

const company = await client.api.companies.getCompany(page.items[0]!.id);
show(`companies.getCompany('${company.id}')`, { name: company.name, email: company.email });

try {
  await client.api.companies.createCompany({ name: 'X', email: 'not-an-email' } as never);
} catch (error) {
  if (error instanceof RequestValidationError) {
    show('createCompany with bad input → RequestValidationError (nothing sent)', error.issues);
  } else throw error;
}

try {
  await client.api.companies.getCompany('0b7a6c59-2f4e-4a8e-9d55-6f1a2b3c4d5e', {
    headers: { Prefer: 'code=404' },
  });
} catch (error) {
  if (error instanceof NotFoundError) {
    show('getCompany(unknown id) → NotFoundError', {
      status: error.status,
      message: error.message,
      requestId: error.requestId,
    });
  } else throw error;
}
