import type { UserLookupResult } from '../models.js';
import { type RequestOptions, Service } from './base.js';

/** Finds a person's user records across every company you can reach (no `On-Behalf-Of`). */
export class UserLookupService extends Service {
  byEmail(email: string, options: RequestOptions = {}): Promise<UserLookupResult[]> {
    return this.api.userLookup.lookupUser({ ...this.opts(options), email });
  }

  byDiscordId(discordId: string, options: RequestOptions = {}): Promise<UserLookupResult[]> {
    return this.api.userLookup.lookupUser({ ...this.opts(options), discord_id: discordId });
  }

  byGoogleId(googleId: string, options: RequestOptions = {}): Promise<UserLookupResult[]> {
    return this.api.userLookup.lookupUser({ ...this.opts(options), google_id: googleId });
  }

  byGithubId(githubId: string, options: RequestOptions = {}): Promise<UserLookupResult[]> {
    return this.api.userLookup.lookupUser({ ...this.opts(options), github_id: githubId });
  }

  byAppleId(appleId: string, options: RequestOptions = {}): Promise<UserLookupResult[]> {
    return this.api.userLookup.lookupUser({ ...this.opts(options), apple_id: appleId });
  }
}
