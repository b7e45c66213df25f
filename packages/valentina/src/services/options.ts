import type { CompanyOptions } from '../models.js';
import { CompanyService, type RequestOptions } from './base.js';

/** Every enumeration the API accepts (roles, classes, permissions…), grouped by area. */
export class OptionsService extends CompanyService {
  getOptions(options: RequestOptions = {}): Promise<CompanyOptions> {
    return this.api.options.getCompanyOptions(this.companyId, this.opts(options));
  }
}
