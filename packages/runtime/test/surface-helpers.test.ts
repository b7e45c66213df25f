import { describe, expect, it } from 'vitest';
import { filenameOf, filePart, guessContentType, readFile } from '../src/file-part.js';
import { schemeAuth } from '../src/policies/scheme-auth.js';
import { scopeArgs } from '../src/service.js';
import type { CallContext } from '../src/types.js';

const context = (anonymous = false): CallContext => ({
  operationId: 'op',
  anonymous,
  options: {},
  attempt: 1,
});
async function sent(policy: ReturnType<typeof schemeAuth>, url = 'https://x.test/a', anonymous = false) {
  let seen: Request | undefined;
  await policy(async (request) => {
    seen = request;
    return new Response(null, { status: 204 });
  })(new Request(url), context(anonymous));
  return seen!;
}

describe('schemeAuth', () => {
  it('http with any scheme: Authorization: <scheme> <secret> (Avatar api-key-v1)', async () => {
    const request = await sent(schemeAuth({ type: 'http', scheme: 'api-key-v1' }, 'k3y'));
    expect(request.headers.get('authorization')).toBe('api-key-v1 k3y');
  });

  it('http bearer → Bearer, basic → base64 of user:password', async () => {
    expect(
      (await sent(schemeAuth({ type: 'http', scheme: 'bearer' }, 't'))).headers.get('authorization'),
    ).toBe('Bearer t');
    expect(
      (await sent(schemeAuth({ type: 'http', scheme: 'basic' }, 'ü:p'))).headers.get('authorization'),
    ).toBe(`Basic ${Buffer.from('ü:p').toString('base64')}`);
  });

  it('apiKey in a header or the query; nothing on anonymous operations or without a secret', async () => {
    const header = schemeAuth({ type: 'apiKey', in: 'header', name: 'X-API-KEY' }, () => 'k');
    expect((await sent(header)).headers.get('x-api-key')).toBe('k');
    expect((await sent(header, undefined, true)).headers.get('x-api-key')).toBeNull();
    expect(
      (
        await sent(schemeAuth({ type: 'apiKey', in: 'header', name: 'X-API-KEY' }, () => undefined))
      ).headers.has('x-api-key'),
    ).toBe(false);
    const query = schemeAuth({ type: 'apiKey', in: 'query', name: 'key' }, 'a&b');
    expect(new URL((await sent(query, 'https://x.test/a?x=1')).url).searchParams.get('key')).toBe('a&b');
  });

  it('refuses a scheme that cannot carry a secret', () => {
    expect(() => schemeAuth({ type: 'mutualTLS' }, 'x')).toThrow(TypeError);
    expect(() => schemeAuth({ type: 'http' }, 'x')).toThrow(/needs a scheme/);
  });
});

describe('files', () => {
  it('reads the file name of Content-Disposition, RFC 8187 form first, without directories', () => {
    expect(filenameOf(`attachment; filename="a.zip"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`)).toBe(
      'résumé.pdf',
    );
    expect(filenameOf('attachment; filename="logs 1.zip"')).toBe('logs 1.zip');
    expect(filenameOf('attachment; filename=plain.txt')).toBe('plain.txt');
    expect(filenameOf('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameOf('attachment')).toBeUndefined();
    expect(filenameOf(null)).toBeUndefined();
  });

  it('readFile: the bytes and the server name, else the fallback', async () => {
    const bytes = new Uint8Array([1, 2]);
    expect(await readFile(new Response(bytes), 'f.bin')).toEqual({ filename: 'f.bin', content: bytes });
  });

  it('filePart guesses the type from the name unless given', () => {
    expect(filePart('a.PNG', 'x').type).toBe('image/png');
    expect(filePart('a.png', 'x', 'text/plain').type).toBe('text/plain');
    expect(guessContentType('noext')).toBe('application/octet-stream');
  });
});

describe('scopeArgs', () => {
  it('takes the first object as the scope, so optional arguments can be skipped', () => {
    expect(scopeArgs(['u', { companyId: 'c' }], 2)).toEqual([['u', undefined], { companyId: 'c' }]);
    expect(scopeArgs(['u', 'k', { companyId: 'c' }], 2)).toEqual([['u', 'k'], { companyId: 'c' }]);
    expect(scopeArgs(['u'], 2)).toEqual([['u', undefined], undefined]);
  });
});
