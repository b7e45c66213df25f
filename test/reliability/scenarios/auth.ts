import { AuthenticationError, type Policy, sessionAuth, type TokenSet } from '@sdkforge/runtime';
import { describe, expect } from 'vitest';
import { ops, rejection, scenario } from '../harness.ts';

export function authScenarios(): void {
  describe('auth', () => {
    scenario(
      'a 401 storm of 100 concurrent calls makes exactly one refresh',
      async ({ server, sdk, expectDelivered }) => {
        let current = 'access-1';
        let rotation = 1;
        server.route('GET', '/items', (_n, req) =>
          req.headers.authorization === `Bearer ${current}`
            ? { kind: 'ok' }
            : { kind: 'status', status: 401, json: { detail: 'Given token not valid for any token type' } },
        );
        server.route('POST', '/auth/refresh', (_n, req) => {
          const { refresh } = JSON.parse(req.body) as { refresh: string };
          if (refresh !== `refresh-${rotation}`)
            return { kind: 'status', status: 401, json: { detail: 'invalid' } };
          rotation++;
          current = `access-${rotation}`;
          return { kind: 'ok', json: { access: current, refresh: `refresh-${rotation}` } };
        });
        // The refresh call goes through its own client (the auth endpoints are never wrapped).
        const plain = sdk();
        const session = sessionAuth({
          refresh: async (token): Promise<TokenSet> => {
            const body = await plain.api.request<{ access: string; refresh: string }>(ops.refresh, {
              body: { refresh: token },
            });
            return { accessToken: body.access, refreshToken: body.refresh };
          },
        });
        await session.setTokens({ accessToken: 'stale-access', refreshToken: 'refresh-1' });
        const client = sdk({ auth: session.policy });
        await expectDelivered(Promise.all(Array.from({ length: 100 }, () => client.api.request(ops.list))));
        expect(server.seen('POST', '/auth/refresh')).toHaveLength(1);
        expect((await session.tokens())?.refreshToken).toBe('refresh-2');
        expect(server.seen('GET', '/items')).toHaveLength(200);
      },
    );

    scenario('a refused refresh is an AuthenticationError, once, with no loop', async ({ server, sdk }) => {
      server.route('GET', '/items', [{ kind: 'status', status: 401 }]);
      server.route('POST', '/auth/refresh', [
        { kind: 'status', status: 401, json: { detail: 'Token is invalid or expired' } },
      ]);
      const plain = sdk();
      const session = sessionAuth({
        refresh: async (token) => {
          const body = await plain.api.request<{ access: string }>(ops.refresh, { body: { refresh: token } });
          return { accessToken: body.access };
        },
      });
      await session.setTokens({ accessToken: 'a', refreshToken: 'r' });
      const calls = Array.from({ length: 20 }, () =>
        rejection(sdk({ auth: session.policy as Policy }).api.request(ops.list)),
      );
      for (const error of await Promise.all(calls)) expect(error).toBeInstanceOf(AuthenticationError);
      expect(server.seen('POST', '/auth/refresh')).toHaveLength(1);
      expect(server.seen('GET', '/items')).toHaveLength(20);
    });
  });
}
