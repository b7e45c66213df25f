import { companiesService } from '@sdkforge/valentina';

const companies = companiesService();

// Get a single resource
const company = await companies.get('019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15');

// Create a new resource
const created = await companies.create({ name: 'My Company', email: 'contact@example.com' });

// Update (only include the fields to change; null clears a nullable field)
const updated = await companies.update(created.company.id, { name: 'New Name', description: null });

// Delete
await companies.delete(created.company.id);

export { company, updated };
