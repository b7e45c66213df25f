/**
 * Every public method, called with distinct sentinel values, sends exactly the operation the spec places it
 * on: the HTTP method and path template of that operationId, each path slot filled with its own argument,
 * exactly the query parameters given (names and values), the body built from the arguments, and the bearer
 * token (none on the anonymous routes). A method wired to the wrong operation, a swapped slot or a dropped
 * query parameter fails here.
 */
import { describe, expect, it } from 'vitest';
import { operationIndex } from '../src/generated/operations.gen.js';
import { MemoryTokenStore, TikTrueClient } from '../src/index.js';

const S = {
  access: 'access.sentinel.jwt',
  model: '0a0a0a0a-1111-4111-8111-000000000001',
  payment: '0b0b0b0b-2222-4222-8222-000000000002',
  refund: '0c0c0c0c-3333-4333-8333-000000000003',
  plan: '0d0d0d0d-4444-4444-8444-000000000004',
  method: '0e0e0e0e-5555-4555-8555-000000000005',
  token: 'tok_Sentinel-9',
  block: 7,
  days: 17,
  fingerprint: 'f00d'.repeat(16),
  filename: 'TikTrue_GUI_Test.exe' as const,
  email: 'sentinel@example.com',
  password: 'Sentinel-Password-1',
};

interface Expected {
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent without credentials (the spec's `security: []`, or the auth endpoints). */
  anonymous?: boolean;
}

type Row = [operationId: string, call: (client: TikTrueClient) => Promise<unknown>, expected?: Expected];

const rows: Row[] = [
  [
    'validateLicense',
    (c) => c.license.validate(S.fingerprint),
    { query: { hardware_fingerprint: S.fingerprint } },
  ],
  ['getLicenseInfo', (c) => c.license.info()],
  ['generateFingerprint', (c) => c.license.generateFingerprint()],
  ['getAvailableModels', (c) => c.models.available()],
  ['getModelMetadata', (c) => c.models.metadata(S.model), { path: { model_id: S.model } }],
  ['createDownloadToken', (c) => c.models.downloadUrl(S.model), { path: { model_id: S.model } }],
  ['getDownloadManifest', (c) => c.models.manifest(S.token), { path: { download_token: S.token } }],
  [
    'downloadModelBlock',
    (c) => c.models.downloadBlock(S.token, S.block),
    { path: { download_token: S.token, block_id: String(S.block) } },
  ],
  ['downloadModelMetadata', (c) => c.models.downloadMetadata(S.token), { path: { download_token: S.token } }],
  [
    'downloadModelTokenizer',
    (c) => c.models.downloadTokenizer(S.token),
    { path: { download_token: S.token } },
  ],
  ['completeDownload', (c) => c.models.completeDownload(S.token), { path: { download_token: S.token } }],
  ['getModelStorageStats', (c) => c.models.storageStats(S.model), { path: { model_id: S.model } }],
  ['verifyModelIntegrity', (c) => c.models.verifyIntegrity(S.model), { path: { model_id: S.model } }],
  ['checkModelAccess', (c) => c.models.checkAccess(S.model), { path: { model_id: S.model } }],
  ['getAccessSummary', (c) => c.models.accessSummary()],
  ['getSubscriptionLimits', (c) => c.models.limits()],
  [
    'validateBulkAccess',
    (c) => c.models.checkAccessBulk(['llama3_1_8b_fp16', 'mistral_7b_int4']),
    { body: { model_names: ['llama3_1_8b_fp16', 'mistral_7b_int4'] } },
  ],
  ['getUserAnalytics', (c) => c.models.analytics(S.days), { query: { days: String(S.days) } }],
  [
    'getModelAnalytics',
    (c) => c.models.modelAnalytics(S.model, S.days + 1),
    { path: { model_id: S.model }, query: { days: String(S.days + 1) } },
  ],
  [
    'getSystemAnalytics',
    (c) => c.models.systemAnalytics(S.days + 2),
    { query: { days: String(S.days + 2) } },
  ],
  ['getDesktopAppInfo', (c) => c.downloads.desktopAppInfo()],
  ['downloadDesktopApp', (c) => c.downloads.desktopApp(S.filename), { path: { filename: S.filename } }],
  ['getInstallationGuide', (c) => c.downloads.installationGuide(), { anonymous: true }],
  ['listPaymentMethods', (c) => c.payments.methods()],
  ['listPricingPlans', (c) => c.payments.plans()],
  [
    'createPayment',
    (c) => c.payments.create({ pricingPlan: S.plan, paymentMethod: S.method }),
    { body: { pricing_plan: S.plan, payment_method: S.method } },
  ],
  ['getPayment', (c) => c.payments.get(S.payment), { path: { payment_id: S.payment } }],
  ['listPayments', (c) => c.payments.history()],
  ['verifyPayment', (c) => c.payments.verify(S.payment), { path: { payment_id: S.payment } }],
  [
    'handlePaymentCallback',
    (c) => c.payments.callback({ provider: 'zarinpal', authority: 'A000SENTINEL', status: 'NOK' }),
    { query: { provider: 'zarinpal', Authority: 'A000SENTINEL', Status: 'NOK' } },
  ],
  [
    'postPaymentCallback',
    (c) => c.payments.postCallback({ provider: 'idpay', order_id: S.payment, track_id: 'T-77' }),
    { body: `provider=idpay&order_id=${S.payment}&track_id=T-77` },
  ],
  ['cancelPayment', (c) => c.payments.cancel(S.payment), { query: { payment_id: S.payment } }],
  ['getSubscription', (c) => c.payments.subscription()],
  [
    'requestRefund',
    (c) => c.payments.refund(S.payment, 'sentinel reason'),
    { path: { payment_id: S.payment }, body: { reason: 'sentinel reason' } },
  ],
  [
    'adminListPayments',
    (c) =>
      c.payments.adminPayments({
        status: 'refunded',
        provider: 'nextpay',
        dateFrom: '2026-01-02',
        dateTo: '2026-01-03',
      }),
    { query: { status: 'refunded', provider: 'nextpay', date_from: '2026-01-02', date_to: '2026-01-03' } },
  ],
  ['adminListRefunds', (c) => c.payments.adminRefunds()],
  ['adminApproveRefund', (c) => c.payments.adminApproveRefund(S.refund), { path: { refund_id: S.refund } }],
  [
    'adminGetPaymentAnalytics',
    (c) => c.payments.adminAnalytics({ dateFrom: '2026-02-03', dateTo: '2026-02-04' }),
    { query: { date_from: '2026-02-03', date_to: '2026-02-04' } },
  ],
  // The client's own methods over internal operations.
  ['getProfile', (c) => c.profile()],
  ['getHealth', (c) => c.testConnection(), { anonymous: true }],
  [
    'login',
    (c) => c.login({ email: S.email, password: S.password, hardwareFingerprint: S.fingerprint }),
    { anonymous: true, body: { email: S.email, password: S.password, hardware_fingerprint: S.fingerprint } },
  ],
  [
    'register',
    (c) => c.register({ email: S.email, username: 'sentinel_user', password: S.password }),
    {
      anonymous: true,
      body: { email: S.email, username: 'sentinel_user', password: S.password, password_confirm: S.password },
    },
  ],
  ['logout', (c) => c.logout()],
];

interface Indexed {
  operationId: string;
  http: string;
  path: string;
  download?: boolean;
}
const index = new Map<string, Indexed>(operationIndex.map((op) => [op.operationId, op]));

/** A regular expression for a path template, with one named group per slot. */
function templateRegex(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) =>
      part.startsWith('{') ? `(?<${part.slice(1, -1)}>[^/]+)` : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}

/** What the server answers each operation with: enough for the client to decode (and log in). */
function answer(operationId: string): Response {
  const op = index.get(operationId);
  if (op?.download)
    return new Response(new Uint8Array([1, 2, 3]), {
      headers: { 'content-type': 'application/octet-stream' },
    });
  const body =
    operationId === 'login' || operationId === 'register'
      ? { message: 'ok', user: {}, tokens: { access: S.access, refresh: 'refresh.sentinel.jwt' } }
      : operationId === 'getHealth'
        ? { status: 'healthy' }
        : {};
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
}

describe('wiring: every public method sends its own operation', () => {
  it('covers every operation of the spec, and only real ones', () => {
    expect(rows.map(([id]) => id).filter((id) => !index.has(id))).toEqual([]);
    expect([...index.keys()].filter((id) => !rows.some(([r]) => r === id))).toEqual([
      'refreshToken', // used by the token refresh: test/client.test.ts
    ]);
  });

  it.each(rows)('%s', async (operationId, call, expected: Expected = {}) => {
    const op = index.get(operationId)!;
    const sent: Request[] = [];
    const client = new TikTrueClient({
      baseUrl: 'https://wiring.example',
      maxRetries: 0,
      tokenStore: new MemoryTokenStore({ accessToken: S.access }),
      fetch: async (request: Request) => {
        sent.push(request.clone());
        return answer(operationId);
      },
    });
    try {
      await call(client);
    } finally {
      await client.close();
    }
    expect(sent).toHaveLength(1);
    const request = sent[0]!;
    const url = new URL(request.url);
    expect(request.method).toBe(op.http);
    const base = operationId === 'getHealth' ? '' : '/api/v1';
    const match = templateRegex(`${base}${op.path}`).exec(url.pathname);
    expect(match, `${url.pathname} is not ${base}${op.path}`).not.toBeNull();
    const slots = Object.fromEntries(
      Object.entries(match!.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]),
    );
    expect(slots).toEqual(expected.path ?? {});
    expect(Object.fromEntries(url.searchParams)).toEqual(expected.query ?? {});
    expect(request.headers.get('authorization')).toBe(expected.anonymous ? null : `Bearer ${S.access}`);
    if (expected.body !== undefined) {
      const text = await request.text();
      if (typeof expected.body === 'string') expect(text).toBe(expected.body);
      else expect(JSON.parse(text)).toEqual(expected.body);
    }
  });
});
