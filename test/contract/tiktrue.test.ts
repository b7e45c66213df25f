import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuthorizationError,
  NotFoundError,
  OPERATIONS,
  type OperationId,
  operationIndex,
  RequestValidationError,
  TikTrueClient,
  type TikTrueClientOptions,
  ValidationError,
} from '@sdkforge/tiktrue';
import * as validators from '@sdkforge/tiktrue/validators';
import { describe, expect, inject, it } from 'vitest';
import { defineContractSuite } from '../helpers/contract.ts';
import { loadSpecDocument } from '../helpers/specs.ts';

const document = loadSpecDocument('tiktrue');
const FINGERPRINT = 'ecee127698094c5f0def359c85600ea444e6cdf85e4e3b9ffe901ad5842b2291';
const LLAMA = '4d0aad5c-4e52-4c13-8a48-75fd030da0f0';

// The mock serves the spec under the server's /api/v1 prefix; the SDK appends /api/v1 to the server root.
const options = (): TikTrueClientOptions => ({ baseUrl: inject('mockUrls').tiktrue, maxRetries: 0 });

/** A client logged in against the mock (Prism answers login with the spec's example token pair). */
async function loggedIn(extra: Partial<TikTrueClientOptions> = {}): Promise<TikTrueClient> {
  const client = new TikTrueClient({ ...options(), ...extra });
  await client.login({ email: 'sara.ahmadi@example.com', password: 'Zagros-1404-Sky' });
  return client;
}

/**
 * Every operation, public or internal, through the client's operation table: `client.call(OPERATIONS[id], …)`
 * is what each generated method runs (test/wiring.test.ts pins each public method to its operation).
 */
function byOperation(client: TikTrueClient) {
  const index = operationIndex.map((op) => ({ ...op, resource: 'operations', method: op.operationId }));
  const operations = Object.fromEntries(
    index.map((op) => {
      const id = op.operationId as OperationId;
      const slots = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      const call = (...args: unknown[]) => {
        const path = Object.fromEntries(slots.map((slot, i) => [slot, args[i]]));
        const rest = args.slice(slots.length);
        const body = 'request' in OPERATIONS[id] ? rest.shift() : undefined;
        const { headers, ...query } = (rest[0] ?? {}) as { headers?: Record<string, string> };
        return client.call(OPERATIONS[id], { path, query, headers, body });
      };
      return [op.operationId, call];
    }),
  );
  return { index, resources: { operations } };
}

describe('tiktrue: every operation against Prism', async () => {
  const client = await loggedIn();
  const { index, resources } = byOperation(client);
  defineContractSuite(() => ({
    api: 'tiktrue',
    document,
    resources,
    operationIndex: index,
    validators,
  }));
});

describe('tiktrue: the guide conveniences, typed, against Prism', () => {
  it('logs in by email and keeps the token pair inside the client', async () => {
    const client = new TikTrueClient(options());
    expect(client.isAuthenticated()).toBe(false);
    const session = await client.login({
      email: 'sara.ahmadi@example.com',
      password: 'Zagros-1404-Sky',
      hardwareFingerprint: FINGERPRINT,
    });
    expect(session.user.email).toBe('sara.ahmadi@example.com');
    expect(session.tokenExpiresAt).toBeInstanceOf(Date);
    expect(client.accessToken).toMatch(/^eyJ/);
    expect(JSON.stringify(session)).not.toContain(client.accessToken!);
  });

  it('validates the license with a 64-hex fingerprint and reads the license info', async () => {
    const client = await loggedIn();
    const result = await client.license.validate(FINGERPRINT);
    expect(result.valid).toBe(true);
    expect(result.license.license_key).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){7}$/);
    const info = await client.license.info();
    expect(info.user_info.subscription_plan).toBe('enterprise');
  });

  it('rejects a guide-style fingerprint before sending (RequestValidationError)', async () => {
    const client = await loggedIn();
    const error = await client.license.validate('hw_abc123').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues[0]?.path).toBe('query.hardware_fingerprint');
  });

  it('maps the license failure body (403 valid:false) to AuthorizationError with the server message', async () => {
    const client = await loggedIn();
    const error = await client.license
      .validate(FINGERPRINT, { headers: { Prefer: 'code=403' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthorizationError);
    expect((error as AuthorizationError).message).toContain('License is not valid for this hardware');
  });

  it('maps a DRF field map (400 non_field_errors) to ValidationError with the server message', async () => {
    const client = new TikTrueClient(options());
    const error = await client
      .login({ email: 'sara.ahmadi@example.com', password: 'wrong' }, { headers: { Prefer: 'code=400' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('Invalid credentials');
    expect((error as ValidationError).message).not.toContain('wrong');
  });

  it('lists the available models and maps a missing model to NotFoundError ({"error": …})', async () => {
    const client = await loggedIn();
    const { available_models } = await client.models.available();
    expect(available_models.map((m) => m.name)).toContain('llama3_1_8b_fp16');
    const error = await client.models
      .metadata(LLAMA, { headers: { Prefer: 'code=404' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('Model not found');
  });

  it('gets a download token with a relative manifest URL, then the manifest', async () => {
    const client = await loggedIn();
    const token = await client.models.downloadUrl(LLAMA);
    expect(token.download_url.startsWith('/api/v1/models/download/')).toBe(true);
    const manifest = await client.models.manifest(token.download_token);
    expect(manifest.blocks).toHaveLength(manifest.block_count);
  });

  it('models.download() walks token → manifest → 33 blocks, tokenizer, metadata → complete', async () => {
    const client = await loggedIn();
    const dir = await mkdtemp(join(tmpdir(), 'tiktrue-contract-'));
    try {
      const result = await client.models.download(LLAMA, dir, { concurrency: 4 });
      expect(result.files).toHaveLength(35);
      expect(result.files.every((f) => f.status === 'downloaded' && /^[0-9a-f]{64}$/.test(f.sha256))).toBe(
        true,
      );
      expect(result.completion?.download_completed).toBe(true);
      const local = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
      expect(local).toMatchObject({ complete: true, model: { name: 'llama3_1_8b_fp16' } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads payments: plans (decimal strings), history (the real list) and the subscription', async () => {
    const client = await loggedIn();
    const plans = await client.payments.plans();
    expect(plans[0]?.price).toMatch(/^\d+\.\d{2}$/);
    const history = await client.payments.history();
    expect(history.length).toBeGreaterThan(0);
    const subscription = await client.payments.subscription();
    expect(typeof subscription.is_subscription_active).toBe('boolean');
  });

  it('testConnection() reaches /health/ at the site root', async () => {
    const client = new TikTrueClient(options());
    const health = await client.testConnection();
    expect(health.status).toBe('healthy');
  });
});

describe('tiktrue: every README snippet runs against the mock', () => {
  const dir = join(import.meta.dirname, '../../packages/tiktrue/examples/snippets');
  const snippets = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it.each(snippets)('%s', async (file) => {
    const cwd = await mkdtemp(join(tmpdir(), 'tiktrue-snippet-'));
    try {
      // SDKFORGE_SNIPPET_NODE runs the snippets on another Node (e.g. the 22.19 floor the packages claim)
      const child = spawn(process.env.SDKFORGE_SNIPPET_NODE ?? process.execPath, [join(dir, file)], {
        cwd,
        env: { ...process.env, BACKEND_URL: inject('mockUrls').tiktrue, TIKTRUE_PASSWORD: 'Zagros-1404-Sky' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const [code] = await once(child, 'exit');
      expect(code, output).toBe(0);
      // A snippet that only printed a caught failure did not show what it is for.
      expect(output, output).not.toMatch(/failed:|Unexpected error/i);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
