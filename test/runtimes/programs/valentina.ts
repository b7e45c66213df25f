/**
 * A Valentina user's program, written from the package README: construct a client, check the
 * server, read one page, walk every company, read one, and meet a typed 404.
 * The matrix mock serves 23 companies; `UNKNOWN_ID` answers 404.
 */
import { NotFoundError, ValentinaClient } from '@sdkforge/valentina';

/** An id the server does not know (the matrix mock answers it with the operation's 404). */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000404';
export async function main(baseUrl: string): Promise<string[]> {
  const out: string[] = [];
  const client = new ValentinaClient({ baseUrl, apiKey: 'runtime-matrix-key' });
  try {
    const health = await client.system.health();
    out.push(`health: ${health.database_status}, API ${health.version}`);

    const page = await client.companies.getPage({ limit: 5 });
    if (page.items.length !== 5) throw new Error(`getPage({ limit: 5 }) gave ${page.items.length} items`);

    let walked = 0;
    for await (const company of client.companies.iterAll()) {
      if (!company.name) throw new Error('a company without a name');
      walked++;
    }
    if (walked !== page.total)
      throw new Error(`iterAll() gave ${walked} companies, the server has ${page.total}`);
    out.push(`companies: walked ${walked}`);

    const one = await client.companies.get(page.items[0]!.id);
    out.push(`company: ${one.name}`);

    try {
      await client.companies.get(UNKNOWN_ID);
      throw new Error('get(missing) resolved');
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      out.push(`404 → ${error.name} (${error.status})`);
    }
  } finally {
    await client.close();
  }
  return out;
}
