import type { IdentifyRequest, IdentifyResult } from '../models.js';
import { CompanyService, type RequestOptions } from './base.js';

/**
 * Verified identity: trade a provider token (Apple, Google, Discord, GitHub) for the company's user,
 * linked or created as needed. Use `result.user.id` as the `userId` of the other services.
 */
export class IdentityService extends CompanyService {
  identify(request: IdentifyRequest, options: RequestOptions = {}): Promise<IdentifyResult> {
    return this.api.users.identifyUser(this.companyId, request, this.opts(options));
  }
}
