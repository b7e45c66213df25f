import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NotFoundError, RequestValidationError, ValentinaClient } from '../src/index.js';

const company = {
  id: '6f1d3a52-8c1e-4b7a-9f2d-1e5c7b9a3d04',
  name: 'Midnight Syndicate',
  description: 'A storytelling troupe.',
  email: 'gm@midnight.example',
  date_created: '2026-01-04T18:22:10Z',
  date_modified: '2026-01-04T18:22:10Z',
  resources_modified_at: '2026-01-04T18:22:10Z',
  settings: {
    character_autogen_xp_cost: 10,
    character_autogen_num_choices: 3,
    character_autogen_starting_points: 0,
    permission_manage_campaign: 'UNRESTRICTED',
    permission_grant_xp: 'UNRESTRICTED',
    permission_free_trait_changes: 'UNRESTRICTED',
    permission_recoup_xp: 'DENIED',
  },
};

function recorder(respond: (request: Request) => Response) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    return respond(request);
  };
  return { requests, fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('ValentinaClient', () => {
  it('sends the API key as X-API-KEY to <baseUrl>/api/v1', async () => {
    const { requests, fetch } = recorder(() => json({ items: [company], limit: 10, offset: 0, total: 1 }));
    const client = new ValentinaClient({ baseUrl: 'https://vn.example/', apiKey: 'vk_secret_123', fetch });
    const result = await client.api.companies.listCompanies({ limit: 10 });
    expect(result.items[0]?.name).toBe('Midnight Syndicate');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('https://vn.example/api/v1/companies?limit=10');
    expect(requests[0]!.headers.get('x-api-key')).toBe('vk_secret_123');
  });

  it('refuses to start without an API key', () => {
    const saved = process.env.VALENTINA_API_KEY;
    delete process.env.VALENTINA_API_KEY;
    try {
      expect(() => new ValentinaClient({ baseUrl: 'https://vn.example' })).toThrow(/apiKey/);
    } finally {
      if (saved !== undefined) process.env.VALENTINA_API_KEY = saved;
    }
  });

  it('rejects invalid input with RequestValidationError and sends nothing', async () => {
    const { requests, fetch } = recorder(() => json(company, 201));
    const client = new ValentinaClient({ baseUrl: 'https://vn.example', apiKey: 'k', fetch });
    const error = await client.api.companies
      .createCompany({ name: 'ab', email: 'gm@midnight.example' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues[0]?.path).toBe('body.name');
    const badId = await client.api.companies.getCompany('not-a-uuid').catch((e: unknown) => e);
    expect(badId).toBeInstanceOf(RequestValidationError);
    expect(requests).toHaveLength(0);
  });

  it('turns a problem+json 404 into NotFoundError with the server message and request id', async () => {
    const problem = {
      status: 404,
      title: 'Not Found',
      detail: "Company '6f1d3a52-8c1e-4b7a-9f2d-1e5c7b9a3d04' not found",
      instance: '/api/v1/companies/6f1d3a52-8c1e-4b7a-9f2d-1e5c7b9a3d04',
      request_id: 'req_7H2kB9xQ4mN1pL5w3nR2Yg',
    };
    const { fetch } = recorder(() =>
      json(problem, 404, { 'content-type': 'application/problem+json', 'x-request-id': problem.request_id }),
    );
    const client = new ValentinaClient({ baseUrl: 'https://vn.example', apiKey: 'k', fetch });
    const error = await client.api.companies.getCompany(company.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const e = error as NotFoundError;
    expect(e.status).toBe(404);
    expect(e.message).toContain("Company '6f1d3a52-8c1e-4b7a-9f2d-1e5c7b9a3d04' not found");
    expect(e.requestId).toBe('req_7H2kB9xQ4mN1pL5w3nR2Yg');
    expect(e.body).toEqual(problem);
  });

  it('never shows the API key in inspect output or errors', async () => {
    const { fetch } = recorder(() =>
      json({ status: 401, title: 'Unauthorized', detail: 'Unauthorized API key' }, 401),
    );
    const client = new ValentinaClient({
      baseUrl: 'https://vn.example',
      apiKey: 'vk_super_secret_key',
      fetch,
    });
    expect(inspect(client, { depth: 5 })).not.toContain('vk_super_secret_key');
    const error = await client.api.system.checkSystemHealth().catch((e: unknown) => e);
    expect(inspect(error, { depth: 5 })).not.toContain('vk_super_secret_key');
    expect(JSON.stringify(error)).not.toContain('vk_super_secret_key');
  });
});
