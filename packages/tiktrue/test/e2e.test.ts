/**
 * End to end against the scriptable TikTrue server (test/support/server.ts), which behaves as the real
 * one does: JWT exp, 401 token_not_valid, refresh rotation, 301 on missing slashes, relative download
 * URLs, 410 for expired download tokens, bytes per block.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as validators from '../src/generated/validators.gen.js';
import { AbortError, type ModelDownloadProgress, TikTrueClient } from '../src/index.js';
import { LLAMA_ID, ScriptedServer, USER } from './support/server.js';

const FINGERPRINT = createHash('sha256').update('board:PF2K3M1X|cpu:BFEBFBFF000906EA').digest('hex');

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe('TikTrue end to end (scriptable server)', () => {
  let server: ScriptedServer;
  let dir: string;

  beforeAll(async () => {
    // Login hands out an access token that expires in 2 minutes: inside the 5-minute refresh window.
    server = await new ScriptedServer({ accessTtl: 120, blocks: 33, blockSize: 6000 }).start();
    dir = await mkdtemp(join(tmpdir(), 'tiktrue-e2e-'));
  });

  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('the server is faithful: 301 without the slash, relative URLs, bodies that match the spec', async () => {
    const redirect = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/api/v1/auth/login/');
    const client = new TikTrueClient({ baseUrl: server.url });
    await client.login({ email: USER.email, password: USER.password });
    const token = await client.models.downloadUrl(LLAMA_ID);
    expect(token.download_url).toMatch(/^\/api\/v1\/models\/download\/[\w-]+\/$/);
    expect(v.safeParse(validators.vCreateDownloadTokenResponse, token).issues).toBeUndefined();
    const manifest = await client.models.manifest(token.download_token);
    expect(v.safeParse(validators.vGetDownloadManifestResponse, manifest).issues).toBeUndefined();
    expect(manifest.blocks[0]!.download_url.startsWith('/api/v1/')).toBe(true);
    expect(
      v.safeParse(validators.vGetAvailableModelsResponse, await client.models.available()).issues,
    ).toBeUndefined();
    await client.models.completeDownload(token.download_token);
  });

  it('login → one refresh under 50 concurrent calls → validate → 33-block download with a killed connection → resume → identical SHA-256s', async () => {
    const client = new TikTrueClient({ baseUrl: server.url, maxRetries: 2 });
    const session = await client.login({
      email: USER.email,
      password: USER.password,
      hardwareFingerprint: FINGERPRINT,
    });
    expect(session.tokenExpiresAt!.getTime() - Date.now()).toBeLessThan(5 * 60_000);

    // Proactive: the token is inside the window, 50 calls at once → exactly one refresh.
    server.setAccessTtl(86_400);
    const refreshesBefore = server.count('refresh');
    const profiles = await Promise.all(Array.from({ length: 50 }, () => client.profile()));
    expect(profiles.every((p) => p.email === USER.email)).toBe(true);
    expect(server.count('refresh') - refreshesBefore).toBe(1);

    // Reactive: the server stops taking the current token → 50 × 401 token_not_valid → one refresh, one replay each.
    server.invalidateAccessTokens();
    const refused = server.count('401');
    const validations = await Promise.all(
      Array.from({ length: 50 }, () => client.license.validate(FINGERPRINT)),
    );
    expect(validations.every((v) => v.valid && v.hardware_info.bound)).toBe(true);
    expect(server.count('refresh') - refreshesBefore).toBe(2);
    expect(server.count('401') - refused).toBe(50);

    const info = await client.license.info();
    expect(info.hardware_info).toMatchObject({ fingerprint: FINGERPRINT, format_valid: true });

    // Download: one connection dies mid-block, the download token expires after 10 blocks, and the
    // whole call is interrupted once 20 of the 35 files are done.
    server.killBlockOnce(17, 2500);
    server.expireDownloadTokensAfterBlocks(10);
    const tokensBefore = server.count('token');
    const stop = new AbortController();
    const interrupted = await client.models
      .download(LLAMA_ID, dir, {
        concurrency: 4,
        signal: stop.signal,
        onProgress: (p) => {
          if (p.files.done >= 20) stop.abort();
        },
      })
      .catch((e: unknown) => e);
    expect(interrupted).toBeInstanceOf(AbortError);
    expect(server.count('killed')).toBe(1);
    expect(server.count('410')).toBeGreaterThan(0);
    expect(server.count('token') - tokensBefore).toBe(2); // the expired token was replaced once for all files
    const completes = server.count('complete');
    const afterFirst = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
      complete: boolean;
      files: { name: string; sha256: string | null }[];
    };
    const recorded = new Set(afterFirst.files.filter((f) => f.sha256 !== null).map((f) => f.name));
    expect(afterFirst.complete).toBe(false);
    expect(recorded.size).toBeGreaterThanOrEqual(20);
    expect(recorded.size).toBeLessThan(35);

    // Resume: only the files the first call did not finish are requested.
    const served = server.log.length;
    const progress: ModelDownloadProgress[] = [];
    const result = await client.models.download(LLAMA_ID, dir, {
      concurrency: 4,
      onProgress: (p) => progress.push(p),
    });
    const fetched = server.log
      .slice(served)
      .filter((r) => r.status === 200 && /\/(block\/\d+|tokenizer|metadata)\/$/.test(r.path));
    expect(fetched).toHaveLength(35 - recorded.size);
    expect(
      result.files
        .filter((f) => f.status === 'kept')
        .map((f) => f.name)
        .sort(),
    ).toEqual([...recorded].sort());
    expect(result.completion?.download_completed).toBe(true);
    expect(server.count('complete') - completes).toBe(1);
    // Block 17 was served twice in all: once cut off mid-body, once whole (the server has no Range).
    expect(server.log.filter((r) => r.path.endsWith('/block/17/') && r.status === 200)).toHaveLength(2);

    const expected = server.expectedFiles();
    const totalBytes = [...expected.values()].reduce((n, f) => n + f.size, 0);
    expect(progress.at(-1)).toMatchObject({
      received: totalBytes,
      total: totalBytes,
      files: { done: 35, total: 35 },
    });
    expect(result.files).toHaveLength(35);
    for (const [name, { size, sha256: digest }] of expected) {
      expect(await sha256(join(dir, name)), name).toBe(digest);
      expect(
        result.files.find((f) => f.name === name),
        name,
      ).toMatchObject({ size, sha256: digest });
    }
    const local = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(local.complete).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part') || f.endsWith('.part.json'))).toEqual([]);

    // Never a slash-less path, never a bearer token on the anonymous routes.
    expect(server.count('redirect')).toBe(1); // the faithfulness check above, nothing else
    expect(
      server.log.filter((r) => r.path.startsWith('/api/v1/auth/refresh') && r.authorization),
    ).toHaveLength(0);
  });

  it('a rerun keeps intact files, re-fetches damaged and missing ones, and a complete model costs no request', async () => {
    const client = new TikTrueClient({ baseUrl: server.url });
    await client.login({ email: USER.email, password: USER.password });
    const requests = server.log.length;
    const again = await client.models.download(LLAMA_ID, dir);
    expect(server.log.slice(requests).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(again.completion).toBeUndefined();
    expect(again.files.every((f) => f.status === 'kept')).toBe(true);

    await writeFile(join(dir, 'block_5.onnx'), 'damaged');
    await rm(join(dir, 'block_9.onnx'));
    const corrupted = await readFile(join(dir, 'block_12.onnx'));
    corrupted[100] = corrupted[100]! ^ 0xff;
    await writeFile(join(dir, 'block_12.onnx'), corrupted);
    const blocks = server.count('block');
    const repaired = await client.models.download(LLAMA_ID, dir);
    expect(server.count('block') - blocks).toBe(3);
    expect(
      repaired.files
        .filter((f) => f.status === 'downloaded')
        .map((f) => f.name)
        .sort(),
    ).toEqual(['block_12.onnx', 'block_5.onnx', 'block_9.onnx']);
    for (const [name, { sha256: digest }] of server.expectedFiles()) {
      expect(await sha256(join(dir, name)), name).toBe(digest);
    }
  });
});
