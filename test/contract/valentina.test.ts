import {
  campaignsService,
  charactersService,
  companiesService,
  NoDefaultClientError,
  NotFoundError,
  operationIndex,
  problemDetails,
  RequestValidationError,
  ValentinaClient,
  type ValentinaClientOptions,
  ValidationError,
} from '@sdkforge/valentina';
import * as validators from '@sdkforge/valentina/validators';
import { describe, expect, inject, it } from 'vitest';
import { wiringTable } from '../../packages/valentina/test/wiring-table.ts';
import { defineContractSuite } from '../helpers/contract.ts';
import { loadSpecDocument } from '../helpers/specs.ts';

const document = loadSpecDocument('valentina');
const COMPANY = '019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15';
const USER = '019a3c1f-0d42-7a9b-8c3e-6f1b2a4d5e70';
// Prism serves the spec under the server's path prefix; the SDK appends /api/v1 to the server root.
const options = (): ValentinaClientOptions => ({
  baseUrl: `${inject('mockUrls').valentina}`,
  apiKey: 'vk_live_contract_key',
});

/**
 * The generic suite calls `resources[resource][method](...pathValues, body?, { ...query, headers })`; here each
 * operation goes through `client.call(operationId, …)`, the SDK's one low-level call (the services are built on it).
 */
const callIndex = operationIndex.map((o) => ({ ...o, resource: 'call', method: o.operationId }));
function callResources(client: ValentinaClient) {
  const call: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const op of operationIndex) {
    const slots = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    call[op.operationId] = (...args) => {
      const { headers, ...query } = (args.pop() ?? {}) as Record<string, unknown>;
      const path = Object.fromEntries(slots.map((name, i) => [name, args[i]]));
      const body = args.length > slots.length ? args[slots.length] : undefined;
      return client.call(op.operationId, { path, query, headers: headers as Record<string, string>, body });
    };
  }
  return { call };
}

describe('valentina: every operation against Prism', () => {
  defineContractSuite(() => ({
    api: 'valentina',
    document,
    resources: callResources(new ValentinaClient(options())),
    operationIndex: callIndex,
    validators,
  }));
});

describe('valentina: typed results and errors', () => {
  it('lists companies as a typed page', async () => {
    const client = new ValentinaClient(options());
    const page = await client.companies.getPage({ limit: 10 });
    expect(page.items.length).toBeGreaterThan(0);
    const first = page.items[0]!;
    expect(typeof first.id).toBe('string');
    expect(typeof first.name).toBe('string');
    expect(page.total).toBeGreaterThanOrEqual(page.items.length);
  });

  it('maps a 404 problem+json to NotFoundError with the server message and request id', async () => {
    const client = new ValentinaClient(options());
    const error = await client.companies
      .get('0b7a6c59-2f4e-4a8e-9d55-6f1a2b3c4d5e', { headers: { Prefer: 'code=404' } })
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
    const local = await client.companies.create(bad).catch((e: unknown) => e);
    expect(local).toBeInstanceOf(RequestValidationError);
    expect((local as RequestValidationError).issues.map((i) => i.path)).toContain('body.name');

    const unchecked = new ValentinaClient({ ...options(), validateRequests: false });
    const remote = await unchecked.companies.create(bad).catch((e: unknown) => e);
    expect(remote).toBeInstanceOf(ValidationError);
  });
});

describe("valentina: the seed's service layer against Prism (every request must satisfy the spec)", () => {
  const client = () => new ValentinaClient({ ...options(), defaultCompanyId: COMPANY, setAsDefault: false });
  const reached = new Set<string>();

  it.each(wiringTable.map((row) => [row.method, row.call] as const))('%s', async (_, call) => {
    const operations: string[] = [];
    const c = new ValentinaClient({
      ...options(),
      defaultCompanyId: COMPANY,
      setAsDefault: false,
      policies: [
        (next) => (request, context) => {
          operations.push(context.operationId);
          return next(request, context);
        },
      ],
    });
    await call(c as never);
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) reached.add(op);
  });

  it('reaches every operation of the spec', () => {
    expect(operationIndex.map((o) => o.operationId).filter((id) => !reached.has(id))).toEqual([]);
    console.log(
      `[contract] valentina: operations reached from the service layer: ${reached.size}/${operationIndex.length}`,
    );
  });

  it('factories use the default client and its defaultCompanyId; typed pages come back', async () => {
    const c = new ValentinaClient({ ...options(), defaultCompanyId: COMPANY });
    try {
      const page = await companiesService().getPage({ limit: 5 });
      expect(page.items[0]?.name).toEqual(expect.any(String));
      expect(page.totalPages).toBeGreaterThanOrEqual(1);
      const campaigns = await campaignsService(USER).listAll();
      expect(campaigns.length).toBeGreaterThan(0);
      const characters = await charactersService(USER, campaigns[0]!.id).getPage();
      expect(characters.items[0]?.campaign_id).toEqual(expect.any(String));
    } finally {
      await c.close();
    }
    expect(() => campaignsService(USER)).toThrow(NoDefaultClientError);
  });

  it("maps Valentina's problem+json (Prism's 422 example for identify) to a typed error with its code", async () => {
    const error = await client()
      .identity()
      .identify({ provider: 'google', token: 'expired' }, { headers: { Prefer: 'code=422' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(problemDetails(error as ValidationError).status).toBe(422);
  });
});
