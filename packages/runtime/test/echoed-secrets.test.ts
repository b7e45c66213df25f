import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, ConfigurationError, ValidationError } from '../src/errors.js';
import { apiKeyAuth } from '../src/policies/api-key.js';
import { bearerAuth } from '../src/policies/bearer.js';
import { schemeAuth } from '../src/policies/scheme-auth.js';
import { sessionAuth } from '../src/policies/session-auth.js';
import type { RecordedRequest } from '../src/testing/mock-fetch.js';
import { harness, ops, rejection } from './helpers.js';

/** Everything an error shows, its causes included. */
function shown(error: unknown): string {
  const out: string[] = [];
  for (let e = error as { cause?: unknown } | undefined, i = 0; e && i < 6; e = e.cause as typeof e, i++) {
    out.push(String(e), (e as Error).stack ?? '', inspect(e, { depth: 8 }), JSON.stringify(e));
  }
  return out.join('\n');
}

/** A server that repeats every credential it was sent, as some do in their error bodies. */
const echo = (status: number) => (request: RecordedRequest) => ({
  status,
  json: {
    detail: `credentials ${request.headers['x-api-key'] ?? ''} ${request.headers.authorization ?? ''} refused`,
    url: request.path,
    body: request.body,
  },
});

// Keys with regex metacharacters and Latin-1 letters: the bearer-shape pattern alone never catches them.
const KEY = 'k3y|(a+)*[x]$^{2}.ä';
const TOKEN = 'tok.en+/=|?*$^end';
const PASSWORD = 'p@ss (w0rd) | ^$ 中文 😀';

describe('credentials a server echoes back never reach an error', () => {
  it('an API key, plain or with a scheme, and a token in the query string', async () => {
    for (const auth of [
      apiKeyAuth({ key: KEY }),
      apiKeyAuth({ key: KEY, header: 'Authorization', scheme: 'api-key-v1' }),
    ]) {
      const { api } = harness([{ path: '*', reply: echo(401) }], { auth, retry: false });
      const error = await rejection(api.request(ops.list, { query: { token: TOKEN } }));
      expect(error).toBeInstanceOf(AuthenticationError);
      const text = shown(error);
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(encodeURIComponent(TOKEN));
      expect(error.message).toContain('[REDACTED]');
    }
  });

  it('a bearer token, and the refresh token of a refused renewal', async () => {
    const bearer = harness([{ path: '*', reply: echo(403) }], {
      auth: bearerAuth({ token: TOKEN }),
      retry: false,
    });
    expect(shown(await rejection(bearer.api.request(ops.list)))).not.toContain(TOKEN);

    const refresher = harness([{ path: '*', reply: echo(401) }], { retry: false });
    const session = sessionAuth({
      refresh: async (refresh) => {
        const body = await refresher.api.request<{ access: string }>(ops.login, { body: { refresh } });
        return { accessToken: body.access };
      },
    });
    await session.setTokens({ accessToken: TOKEN, refreshToken: KEY });
    const { api } = harness([{ path: '*', reply: echo(401) }], { auth: session.policy, retry: false });
    const error = await rejection(api.request(ops.list));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/^The session could not be renewed/);
    const text = shown(error);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(TOKEN);
  });

  it('a secret placed by schemeAuth, in a header, the query string or a cookie', async () => {
    for (const scheme of [
      { type: 'http', scheme: 'bearer' },
      { type: 'http', scheme: 'api-key-v1' },
      { type: 'apiKey', in: 'header', name: 'X-API-KEY' },
      { type: 'apiKey', in: 'query', name: 'api_key' },
    ]) {
      const { api } = harness([{ path: '*', reply: echo(401) }], {
        auth: schemeAuth(scheme, KEY),
        retry: false,
      });
      const text = shown(await rejection(api.request(ops.list)));
      expect(text, JSON.stringify(scheme)).not.toContain(KEY);
      expect(text, JSON.stringify(scheme)).not.toContain(encodeURIComponent(KEY));
    }
  });

  it('a password in the body, echoed in the error body', async () => {
    const { api } = harness([{ path: '*', reply: echo(400) }], { retry: false });
    const error = await rejection(api.request(ops.login, { body: { email: 'a@b.c', password: PASSWORD } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(shown(error)).not.toContain(PASSWORD);
    expect(shown(error)).not.toContain(JSON.stringify(PASSWORD).slice(1, -1));
  });

  it('a key no header can carry is a ConfigurationError that does not quote it, and nothing is sent', async () => {
    for (const key of ['abcd\nZQXJ-value', 'abcd-ZQXJ-中']) {
      const { api, fetch } = harness([{ path: '*', reply: { json: {} } }], {
        auth: apiKeyAuth({ key }),
        retry: false,
      });
      const error = await rejection(api.request(ops.list));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toMatch(/The API key cannot be sent in the X-API-KEY header: it contains/);
      expect(shown(error)).not.toContain('ZQXJ');
      expect(fetch.calls).toHaveLength(0);
    }
  });
});
