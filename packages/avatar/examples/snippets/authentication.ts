import { AvatarClient } from '@sdkforge/avatar';

// API key authentication
const client = new AvatarClient({ baseUrl: 'https://instance/api', apiKey: 'your-api-key' });
// No need to call authenticate() - ready to use immediately

// Traditional username/password authentication
const passwordClient = new AvatarClient({ baseUrl: 'https://instance/api' });
await passwordClient.authenticate('user', 'pass');

export { client, passwordClient };
