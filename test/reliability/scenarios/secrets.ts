import { inspect } from 'node:util';
import { apiKeyAuth, type Logger, sessionAuth } from '@sdkforge/runtime';
import { describe, expect } from 'vitest';
import { ops, rejection, scenario } from '../harness.ts';

const SECRETS = {
  apiKey: 'vn_live_8d1f0c2b9e7a44c1',
  access: 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjk5OTk5OTk5OTl9.c2lnbmF0dXJlLXNlY3JldA',
  refresh: 'refresh-token-5f1e9a3c',
  password: 'correct horse battery staple',
  cookie: 'sessionid=9a8b7c6d5e4f',
};

function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const at = (message: string, fields?: unknown) =>
    lines.push(`${message} ${inspect(fields, { depth: 10 })}`);
  return { logger: { error: at, warn: at, info: at, debug: at }, lines };
}

export function secretScenarios(): void {
  describe('secrets', () => {
    scenario('no secret in any captured log line or error', async ({ server, sdk }) => {
      server.route('GET', '/items', [
        { kind: 'status', status: 503, headers: { 'set-cookie': SECRETS.cookie } },
        { kind: 'reset-before-headers' },
        { kind: 'status', status: 401, json: { detail: `token ${SECRETS.access} expired` } },
      ]);
      server.route('POST', '/items', [
        { kind: 'status', status: 422, json: { detail: [{ loc: ['body', 'password'], msg: 'too short' }] } },
      ]);
      server.route('POST', '/auth/refresh', [
        { kind: 'status', status: 400, json: { refresh: [SECRETS.refresh] } },
      ]);
      const { logger, lines } = capture();
      const plain = sdk({ logLevel: 'debug', logger });
      const session = sessionAuth({
        refresh: async (token) => {
          await plain.api.request(ops.refresh, { body: { refresh: token } });
          return { accessToken: 'never' };
        },
      });
      await session.setTokens({ accessToken: SECRETS.access, refreshToken: SECRETS.refresh });
      const withSession = sdk({ logLevel: 'debug', logger, auth: session.policy });
      const withKey = sdk({
        logLevel: 'debug',
        logger,
        auth: apiKeyAuth({ key: SECRETS.apiKey, header: 'X-API-KEY' }),
      });
      const errors = [
        await rejection(withSession.api.request(ops.list, { query: { token: SECRETS.access } })),
        await rejection(
          withKey.api.request(ops.create, { body: { username: 'ann', password: SECRETS.password } }),
        ),
      ];
      const text = [
        ...lines,
        ...errors.map((e) => `${e.message} ${inspect(e, { depth: 10 })} ${JSON.stringify(e)}`),
        inspect(session, { depth: 10 }),
      ].join('\n');
      expect(lines.length).toBeGreaterThan(5);
      for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
      expect(text).toContain('[REDACTED]');
      // The server did get the credentials: they were redacted only where they would leak.
      expect(server.seen('POST', '/items')[0]?.headers['x-api-key']).toBe(SECRETS.apiKey);
    });
  });
}
