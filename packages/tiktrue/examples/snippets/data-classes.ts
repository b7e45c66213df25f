import type { components, LoginCredentials } from '@sdkforge/tiktrue';

type Schemas = components['schemas'];

// APIResponse: calls resolve with the server's data and throw a typed error instead of `success: false`.
// LoginCredentials: `email` (not username), `password`, optional 64-hex `hardwareFingerprint`.
const credentials: LoginCredentials = { email: 'user@example.com', password: 'password123' };

// LicenseInfo: the server's LicenseInfoResponse (license + user_info + hardware_info).
type LicenseInfo = Schemas['LicenseInfoResponse'];
const plan = (info: LicenseInfo) => info.user_info.subscription_plan; // 'free' | 'pro' | 'enterprise'

// ModelInfo: the server's ModelFile (id, name, display_name, file_size in bytes, block_count; no checksum).
type ModelInfo = Schemas['ModelFile'];
const sizeMb = (model: ModelInfo) => Math.round(model.file_size / 1_000_000);

console.log(credentials.email, plan, sizeMb);
