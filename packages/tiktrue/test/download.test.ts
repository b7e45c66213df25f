import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestValidationError, SdkError, TikTrueClient } from '../src/index.js';
import { fileUrl } from '../src/node/download-file.js';
import { filesOf, LOCAL_MANIFEST_FORMAT } from '../src/node/local-manifest.js';
import { LLAMA_ID, ScriptedServer, USER } from './support/server.js';

const manifestWith = (blocks: { block_id: number; filename: string }[], model_name = 'llama3_1_8b_fp16') =>
  ({
    model_name,
    display_name: 'Llama',
    version: '1.0.0',
    block_count: blocks.length,
    file_size: 1,
    encrypted_size: 1,
    blocks: blocks.map((b) => ({ ...b, encrypted_size: 1, original_size: 1, download_url: '/x/' })),
    tokenizer: { download_url: '/t/' },
    metadata: { download_url: '/m/', encrypted: true },
    security_info: { encryption: 'AES-256-GCM', integrity_check: true, access_control: true },
  }) as Parameters<typeof filesOf>[0];

describe('download plan (pure)', () => {
  it('names the files after the manifest, and never outside the model directory', () => {
    const files = filesOf(
      manifestWith([
        { block_id: 1, filename: 'block_1.onnx' },
        { block_id: 2, filename: '../../.ssh/authorized_keys' },
      ]),
    );
    expect(files.map((f) => f.name)).toEqual([
      'block_1.onnx',
      'block_2.onnx',
      'llama3_1_8b_fp16_tokenizer.zip',
      'llama3_1_8b_fp16_metadata.json',
    ]);
    expect(filesOf(manifestWith([], '../evil')).map((f) => f.name)).toEqual([
      'model_tokenizer.zip',
      'model_metadata.json',
    ]);
    expect(() =>
      filesOf(
        manifestWith([
          { block_id: 1, filename: 'block_1.onnx' },
          { block_id: 2, filename: 'block_1.onnx' },
        ]),
      ),
    ).toThrow(/two files/);
  });

  it('accepts the file routes of this server only, relative or absolute', () => {
    const base = 'https://api.tiktrue.com';
    for (const url of [
      '/api/v1/models/download/abc_-9/block/7/',
      'https://api.tiktrue.com/api/v1/models/download/t0k/tokenizer/',
      '/api/v1/models/download/t0k/metadata/',
      '/api/v1/downloads/desktop-app/TikTrue_Real_Build.exe',
    ])
      expect(fileUrl(url, base).href).toBe(new URL(url, base).href);
    expect(() => fileUrl('https://secure.download.url/model.bin', base)).toThrow(RequestValidationError);
    expect(() => fileUrl('/api/v1/auth/profile/', base)).toThrow(/not a file route/);
    expect(() => fileUrl('/api/v1/models/download/t0k/', base)).toThrow(/not a file route/);
  });
});

describe('models.download / models.downloadFile against the scriptable server', () => {
  let server: ScriptedServer;
  let root: string;
  let client: TikTrueClient;

  beforeAll(async () => {
    server = await new ScriptedServer({ blocks: 4, blockSize: 3000 }).start();
    root = await mkdtemp(join(tmpdir(), 'tiktrue-download-'));
    client = new TikTrueClient({ baseUrl: server.url });
    await client.login({ email: USER.email, password: USER.password });
  });

  afterAll(async () => {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('checks its input before any request', async () => {
    const before = server.log.length;
    await expect(client.models.download('llama3_1_8b_fp16', join(root, 'x'))).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    await expect(client.models.download(LLAMA_ID, join(root, 'x'), { concurrency: 0 })).rejects.toThrow(
      /concurrency/,
    );
    await expect(
      client.models.downloadFile('https://secure.download.url/model.bin', join(root, 'model.bin')),
    ).rejects.toBeInstanceOf(RequestValidationError);
    expect(server.log.length).toBe(before);
  });

  it('downloads one file from a relative manifest URL with progress and its SHA-256', async () => {
    const token = await client.models.downloadUrl(LLAMA_ID);
    const manifest = await client.models.manifest(token.download_token);
    const seen: number[] = [];
    const file = await client.models.downloadFile(
      manifest.blocks[1]!.download_url,
      join(root, 'one', 'b2.onnx'),
      {
        onProgress: ({ received }) => seen.push(received),
      },
    );
    const expected = server.expectedFiles().get('block_2.onnx')!;
    expect(file).toMatchObject({ size: expected.size, sha256: expected.sha256 });
    expect(
      createHash('sha256')
        .update(await readFile(file.path))
        .digest('hex'),
    ).toBe(expected.sha256);
    expect(seen.at(-1)).toBe(expected.size);
  });

  it('replaces a download token that expires mid-way once for all files, and completes both', async () => {
    const tokens = server.count('token');
    const completes = server.count('complete');
    server.expireDownloadTokensAfterBlocks(2);
    const result = await client.models.download(LLAMA_ID, join(root, 'expiring'), { concurrency: 2 });
    expect(result.files.every((f) => f.status === 'downloaded')).toBe(true);
    expect(server.count('410')).toBeGreaterThan(0);
    expect(server.count('token') - tokens).toBe(2);
    expect(server.count('complete') - completes).toBe(2);
    for (const [name, { sha256 }] of server.expectedFiles()) {
      expect(
        createHash('sha256')
          .update(await readFile(join(root, 'expiring', name)))
          .digest('hex'),
        name,
      ).toBe(sha256);
    }
  });

  it('refuses a directory that holds another model', async () => {
    const dir = join(root, 'other');
    await client.models.download(LLAMA_ID, dir);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    manifest.model.id = '6ee3aa72-1d60-49f6-a282-6474bb5a9eca';
    expect(manifest.format).toBe(LOCAL_MANIFEST_FORMAT);
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const error = await client.models.download(LLAMA_ID, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkError);
    expect((error as Error).message).toMatch(/holds model/);
  });

  it('refuses to save the metadata JSON that a buggy block route serves as block bytes', async () => {
    const buggy = await new ScriptedServer({ blocks: 2, blockServesMetadata: true }).start();
    try {
      const c = new TikTrueClient({ baseUrl: buggy.url });
      await c.login({ email: USER.email, password: USER.password });
      const dir = join(root, 'buggy');
      const error = await c.models.download(LLAMA_ID, dir, { concurrency: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SdkError);
      expect((error as Error).message).toMatch(/JSON instead of the bytes of block/);
      expect(existsSync(join(dir, 'block_1.onnx'))).toBe(false);
      expect(buggy.count('complete')).toBe(0);
      const local = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
      expect(local.complete).toBe(false);
    } finally {
      await buggy.stop();
    }
  });
});

describe('#download outside Node', () => {
  it('package.json `imports` gives Node the disk downloads and every other runtime a module without node:*', async () => {
    const pkg = JSON.parse(await readFile(join(import.meta.dirname, '../package.json'), 'utf8'));
    expect(pkg.imports['#download']).toEqual({
      node: './dist/node/download.js',
      default: './dist/download-unavailable.js',
    });
    const source = await readFile(join(import.meta.dirname, '../src/download-unavailable.ts'), 'utf8');
    // Type-only imports are erased; a value import of node:* or ./node/ would pull Node into the bundle.
    expect(source).not.toMatch(/^import (?!type )[^;]*from '(node:|\.\/node\/)/m);
  });

  it('the non-Node build fails with an SdkError that says what to use instead', async () => {
    const { downloadModel, downloadFile } = await import('../src/download-unavailable.js');
    for (const call of [
      () => downloadModel({} as never, 'id', 'dir', {}),
      () => downloadFile({} as never, '', '', {}),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SdkError);
      expect((error as SdkError).message).toMatch(/needs Node.*downloadBlock/s);
    }
  });
});
