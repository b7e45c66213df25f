/**
 * A TikTrue user's program, written from the package README's quick start: check the connection,
 * log in, list the available models, and meet a typed 404 for an unknown model.
 * TikTrue has no paginated operation.
 */
import { NotFoundError, TikTrueClient } from '@sdkforge/tiktrue';

/** An id the server does not know (the matrix mock answers it with the operation's 404). */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000404';
export async function main(baseUrl: string): Promise<string[]> {
  const out: string[] = [];
  const client = new TikTrueClient({ baseUrl });
  try {
    const health = await client.testConnection();
    out.push(`connected: ${health.status === 'healthy'}`);

    await client.login({ email: 'user@example.com', password: 'runtime-matrix' });
    if (!client.isAuthenticated()) throw new Error('login() left the client unauthenticated');
    out.push('login: ok');

    const models = await client.models.available();
    out.push(`models: ${models.available_models.map((m) => m.name).join(', ')}`);

    try {
      await client.models.metadata(UNKNOWN_ID);
      throw new Error('metadata(missing) resolved');
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      out.push(`404 → ${error.name} (${error.status})`);
    }
  } finally {
    await client.close();
  }
  return out;
}
