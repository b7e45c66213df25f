/**
 * `ca` and `verifySsl` reach both transports: the API calls (the runtime's Node transport) and the S3
 * transfers. An HTTPS Avatar server and an HTTPS s3rver use a certificate signed by a test CA
 * (test/fixtures/tls: a throwaway CA and a 127.0.0.1 certificate, valid until 2046).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvatarClient, ConnectionError, StorageError } from '../src/index.js';
import { AvatarStorage } from '../src/node/index.js';
import { type AvatarServer, startAvatarServer } from './support/avatar-server.js';
import { type LocalS3, startLocalS3 } from './support/s3.js';

const fixtures = join(import.meta.dirname, 'fixtures/tls');
const ca = readFileSync(join(fixtures, 'ca.pem'));
const USER_ID = '8a4d2f6c-1b7e-4d39-a5c8-e0f3b9d16a72';
const API_KEY = 'tls-key-0123456789abcdef';

let s3: LocalS3;
let api: AvatarServer;
let dir: string;

beforeAll(async () => {
  s3 = await startLocalS3([USER_ID], {
    tls: { key: join(fixtures, 'server.key'), cert: join(fixtures, 'server.pem') },
  });
  api = await startAvatarServer({
    s3,
    userId: USER_ID,
    apiKey: API_KEY,
    tls: {
      key: readFileSync(join(fixtures, 'server.key')),
      cert: readFileSync(join(fixtures, 'server.pem')),
    },
  });
  dir = await mkdtemp(join(tmpdir(), 'avatar-tls-'));
});

afterAll(async () => {
  await api?.stop();
  await s3?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('TLS settings', () => {
  it('an untrusted certificate is refused (ConnectionError) unless `ca` trusts it or `verifySsl` is false', async () => {
    const strict = new AvatarClient({ baseUrl: api.url, apiKey: API_KEY, retry: false });
    await expect(strict.users.getMe()).rejects.toBeInstanceOf(ConnectionError);

    const trusting = new AvatarClient({ baseUrl: api.url, apiKey: API_KEY, ca });
    expect((await trusting.users.getMe()).id).toBe(USER_ID);

    const unchecked = new AvatarClient({ baseUrl: api.url, apiKey: API_KEY, verifySsl: false });
    expect((await unchecked.users.getMe()).id).toBe(USER_ID);
    await Promise.all([strict.close(), trusting.close(), unchecked.close()]);
  });

  it('uploads and downloads over HTTPS storage with the client’s `ca`, and fail without it', async () => {
    const file = join(dir, 'iris.csv');
    await writeFile(file, 'a,b\n1,2\n');
    const client = new AvatarClient({ baseUrl: api.url, apiKey: API_KEY, ca, storageUrl: s3.endpoint });
    const storage = new AvatarStorage(client);
    const uploaded = await storage.upload(file, 'iris.csv');
    expect(uploaded.location).toBe(`s3://${USER_ID}/30d/iris.csv`);
    await storage.download(uploaded.location, join(dir, 'copy.csv'));
    expect(await readFile(join(dir, 'copy.csv'), 'utf8')).toBe('a,b\n1,2\n');

    // The API calls skip the certificate check; the storage client, given its own (default) handler, does not:
    // the TLS handshake fails, before any HTTP status.
    const apiOnly = new AvatarClient({
      baseUrl: api.url,
      apiKey: API_KEY,
      storageUrl: s3.endpoint,
      verifySsl: false,
    });
    const strictStorage = new AvatarStorage(apiOnly, { requestHandler: {} });
    const error = await strictStorage.upload(file, 'iris-2.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).status).toBeUndefined();
    await Promise.all([client.close(), apiOnly.close()]);
  });
});
