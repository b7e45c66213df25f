/**
 * TikTrue quick start: log in, validate the license, list the models.
 * `scripts/run demo` runs it against a Prism mock; against a real server set TIKTRUE_BASE_URL (or
 * BACKEND_URL), TIKTRUE_EMAIL and TIKTRUE_PASSWORD: `node examples/quickstart.ts`.
 */
import {
  AuthorizationError,
  hardwareFingerprint,
  RequestValidationError,
  TikTrueClient,
} from '@sdkforge/tiktrue';

const show = (label: string, value: unknown) => console.log(`→ ${label}\n  ${JSON.stringify(value)}`);

const client = new TikTrueClient({ baseUrl: process.env.TIKTRUE_BASE_URL }); // else BACKEND_URL
show('client.testConnection()  (GET /health/ at the site root)', await client.testConnection());
const fingerprint = await hardwareFingerprint(['board:PF2K3M1X', 'cpu:BFEBFBFF000906EA']);

const session = await client.login({
  email: process.env.TIKTRUE_EMAIL ?? 'sara.ahmadi@example.com',
  password: process.env.TIKTRUE_PASSWORD ?? 'Zagros-1404-Sky',
  hardwareFingerprint: fingerprint,
});
show('client.login({ email, password, hardwareFingerprint })', {
  user: session.user.email,
  plan: session.user.subscription_plan,
  tokenExpiresAt: session.tokenExpiresAt,
  isAuthenticated: client.isAuthenticated(),
});

const license = await client.license.validate(fingerprint);
show('client.license.validate(fingerprint)', {
  valid: license.valid,
  key: license.license.license_key,
  bound: license.hardware_info.bound,
});

const { available_models: models } = await client.models.available();
show(
  'client.models.available()',
  models.map((m) => ({ id: m.id, name: m.name, blocks: m.block_count, gb: +(m.file_size / 1e9).toFixed(1) })),
);

try {
  await client.license.validate('hw_abc123');
} catch (error) {
  if (!(error instanceof RequestValidationError)) throw error;
  show('license.validate("hw_abc123") → RequestValidationError, nothing sent', error.issues);
}

// The license is now bound to this machine's fingerprint: another machine's is refused.
const otherMachine = await hardwareFingerprint(['board:QX7T0R2A', 'cpu:AFEBFBFF000A0671']);
const prismSays403 = process.env.SDKFORGE_DEMO ? { headers: { Prefer: 'code=403' } } : {};
try {
  await client.license.validate(otherMachine, prismSays403);
} catch (error) {
  if (!(error instanceof AuthorizationError)) throw error;
  show('license.validate(otherMachine) → AuthorizationError', {
    status: error.status,
    message: error.message,
  });
}

const payments = await client.payments.history();
show(
  'client.payments.history()',
  payments.map((p) => `${p.amount_display} ${p.status}`),
);
await client.logout();
show('client.logout()', { isAuthenticated: client.isAuthenticated() });
await client.close();
