import {
  NotFoundError,
  operationIndex,
  RequestValidationError,
  ValentinaClient,
  type ValentinaClientOptions,
  ValidationError,
} from '@sdkforge/valentina';
import * as validators from '@sdkforge/valentina/validators';
import { describe, expect, inject, it } from 'vitest';
import { defineContractSuite } from '../helpers/contract.ts';
import { loadSpecDocument } from '../helpers/specs.ts';

const document = loadSpecDocument('valentina');
// Prism serves the spec under the server's path prefix; the SDK appends /api/v1 to the server root.
const options = (): ValentinaClientOptions => ({
  baseUrl: `${inject('mockUrls').valentina}`,
  apiKey: 'vk_live_contract_key',
});

describe('valentina: every operation against Prism', () => {
  defineContractSuite(() => {
    const client = new ValentinaClient(options());
    return {
      api: 'valentina',
      document,
      resources: client.api,
      operationIndex,
      validators,
    };
  });
});

describe('valentina: typed results and errors', () => {
  it('lists companies as a typed page', async () => {
    const client = new ValentinaClient(options());
    const page = await client.api.companies.listCompaniesPage({ limit: 10 });
    expect(page.items.length).toBeGreaterThan(0);
    const first = page.items[0]!;
    expect(typeof first.id).toBe('string');
    expect(typeof first.name).toBe('string');
    expect(page.total).toBeGreaterThanOrEqual(page.items.length);
  });

  it('maps a 404 problem+json to NotFoundError with the server message and request id', async () => {
    const client = new ValentinaClient(options());
    const error = await client.api.companies
      .getCompany('0b7a6c59-2f4e-4a8e-9d55-6f1a2b3c4d5e', { headers: { Prefer: 'code=404' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const e = error as NotFoundError;
    expect(e.status).toBe(404);
    expect(e.message).toContain('not found');
    expect(e.requestId).toMatch(/^req_/);
  });

  it('rejects bad input before sending (RequestValidationError), and Prism rejects it too when sent', async () => {
    const client = new ValentinaClient(options());
    const bad = { name: 'x', email: 'not-an-email' } as never;
    const local = await client.api.companies.createCompany(bad).catch((e: unknown) => e);
    expect(local).toBeInstanceOf(RequestValidationError);
    expect((local as RequestValidationError).issues.map((i) => i.path)).toContain('body.name');

    const unchecked = new ValentinaClient({ ...options(), validateRequests: false });
    const remote = await unchecked.api.companies.createCompany(bad).catch((e: unknown) => e);
    expect(remote).toBeInstanceOf(ValidationError);
  });
});
