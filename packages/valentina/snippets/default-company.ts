import { usersService, ValentinaClient } from '@sdkforge/valentina';

// Configure the default company id
const client = new ValentinaClient({
  baseUrl: 'https://api.valentina-noir.com',
  apiKey: 'your-api-key',
  defaultCompanyId: '019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15',
});

// Uses the default company
const users = client.users();
const allUsers = await users.listAll();

// Override it for one service
const otherUsers = client.users({ companyId: '6f1d3a52-8c1e-4b7a-9f2d-1e5c7b9a3d04' });

// The factory functions work the same way
const svc = usersService(); // uses the default
const svc2 = usersService({ companyId: '6f1d3a52-8c1e-4b7a-9f2d-1e5c7b9a3d04' }); // override

export { allUsers, otherUsers, svc, svc2 };
