import type { Developer, DeveloperNewKey, DeveloperPatch } from '../models.js';
import { type RequestOptions, Service } from './base.js';

/** The developer account that owns the API key in use. */
export class DeveloperService extends Service {
  /** Your developer profile. */
  getMe(options: RequestOptions = {}): Promise<Developer> {
    return this.api.developers.getDeveloperMe(this.opts(options));
  }

  /** Changes your username, email or OIDC `provider_audiences` (`null` clears them). */
  updateMe(patch: DeveloperPatch, options: RequestOptions = {}): Promise<Developer> {
    return this.api.developers.updateDeveloperMe(patch, this.opts(options));
  }

  /**
   * Issues a new API key and invalidates the old one. The client that made the call switches to
   * the new key at once; other clients holding the old key must be rebuilt.
   */
  async regenerateApiKey(options: RequestOptions = {}): Promise<DeveloperNewKey> {
    const result = await this.api.developers.regenerateDeveloperMeApiKey(this.opts(options));
    this.host.useApiKey(result.api_key);
    return result;
  }
}
