import type { DictionaryTerm, DictionaryTermCreate, DictionaryTermPatch } from '../models.js';
import {
  CompanyService,
  type IterParams,
  type PageParams,
  type PaginatedResponse,
  REFERENCE_PAGE_SIZE,
  type RequestOptions,
} from './base.js';

export interface DictionaryFilters {
  /** Only terms matching this text. */
  term?: string | undefined;
}

type Query = DictionaryFilters & RequestOptions & { limit: number; offset: number };

/** The company's glossary, including the system terms (a reference collection: pages of up to 1000). */
export class DictionaryService extends CompanyService {
  #terms = (p: Query) => this.api.dictionary.listDictionaryTermsPage(this.companyId, this.opts(p));

  getPage(
    params: DictionaryFilters & PageParams & RequestOptions = {},
  ): Promise<PaginatedResponse<DictionaryTerm>> {
    return this.page(this.#terms, params);
  }

  listAll(params: DictionaryFilters & IterParams & RequestOptions = {}): Promise<DictionaryTerm[]> {
    return this.all(this.#terms, params, REFERENCE_PAGE_SIZE);
  }

  iterAll(
    params: DictionaryFilters & IterParams & RequestOptions = {},
  ): AsyncGenerator<DictionaryTerm, void, undefined> {
    return this.iter(this.#terms, params, REFERENCE_PAGE_SIZE);
  }

  get(termId: string, options: RequestOptions = {}): Promise<DictionaryTerm> {
    return this.api.dictionary.getDictionaryTerm(this.companyId, termId, this.opts(options));
  }

  create(body: DictionaryTermCreate, options: RequestOptions = {}): Promise<DictionaryTerm> {
    return this.api.dictionary.createDictionaryTerm(this.companyId, body, this.opts(options));
  }

  /** Changes only the fields given; `null` clears a nullable field. */
  update(termId: string, patch: DictionaryTermPatch, options: RequestOptions = {}): Promise<DictionaryTerm> {
    return this.api.dictionary.updateDictionaryTerm(this.companyId, termId, patch, this.opts(options));
  }

  delete(termId: string, options: RequestOptions = {}): Promise<void> {
    return this.api.dictionary.deleteDictionaryTerm(this.companyId, termId, this.opts(options));
  }
}
