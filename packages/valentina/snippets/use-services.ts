import { companiesService, systemService } from '@sdkforge/valentina';

// Check system health
const system = systemService();
const health = await system.health();
console.log(`API Version: ${health.version}`);
console.log(`Database: ${health.database_status}`);

// List companies you have access to
const companies = companiesService();
for (const company of await companies.listAll()) {
  console.log(`Company: ${company.name}`);
}
