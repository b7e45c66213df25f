import type { SystemHealth } from '../models.js';
import { type RequestOptions, Service } from './base.js';

/** Health of the API. */
export class SystemService extends Service {
  /** Database and cache status, latencies, uptime and API version. */
  health(options: RequestOptions = {}): Promise<SystemHealth> {
    return this.api.system.checkSystemHealth(this.opts(options));
  }
}
