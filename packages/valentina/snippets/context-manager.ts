import { ValentinaClient } from '@sdkforge/valentina';

{
  await using client = new ValentinaClient({
    baseUrl: 'https://api.valentina-noir.com',
    apiKey: 'your-api-key',
    setAsDefault: false, // don't register as the default client
  });
  const companies = client.companies;
  const allCompanies = await companies.listAll();
  console.log(allCompanies.length);
  // the client is closed when the block ends
}

// Without `await using`:
const client = new ValentinaClient({ apiKey: 'your-api-key' });
try {
  await client.system.health();
} finally {
  await client.close();
}
