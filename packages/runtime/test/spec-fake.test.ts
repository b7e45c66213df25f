import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createFactories, SpecFake } from '../src/testing.js';
import { adhocContext } from '../src/transport.js';

const Pet = v.object({ id: v.pipe(v.string(), v.uuid()), name: v.string(), owner_id: v.string() });
const schemas: Record<string, unknown> = {
  vPet: Pet,
  vListPetsResponse: v.object({
    items: v.array(Pet),
    limit: v.number(),
    offset: v.number(),
    total: v.number(),
  }),
  vGetPetResponse: Pet,
  vDeletePetResponse: v.void(),
};
const operations = [
  { operationId: 'listPets', http: 'GET', path: '/owners/{owner_id}/pets', paginated: true },
  { operationId: 'getPet', http: 'GET', path: '/owners/{owner_id}/pets/{pet_id}' },
  { operationId: 'deletePet', http: 'DELETE', path: '/owners/{owner_id}/pets/{pet_id}' },
  { operationId: 'exportPets', http: 'GET', path: '/export', download: true },
];
const fake = () =>
  new SpecFake({
    operations,
    basePath: '/api',
    responseSchema: (id) => schemas[`v${id[0]!.toUpperCase()}${id.slice(1)}Response`],
  });
const send = (f: SpecFake, operationId: string, url: string, init?: RequestInit) =>
  f.fetch(new Request(`https://pets.test/api${url}`, init), adhocContext(operationId));

describe('SpecFake', () => {
  it('answers with a schema-valid sample that adopts the path ids, and records the request', async () => {
    const f = fake();
    const res = await send(f, 'getPet', '/owners/o-1/pets/5a3e0c1d-7b2f-4c6a-9d8e-000000000042?x=1&x=2', {
      headers: { 'X-Trace': 't' },
    });
    const body = await res.json();
    expect(v.is(Pet, body)).toBe(true);
    expect(body).toMatchObject({ id: '5a3e0c1d-7b2f-4c6a-9d8e-000000000042', owner_id: 'o-1' });
    expect(f.requests[0]).toMatchObject({
      operationId: 'getPet',
      path: '/owners/o-1/pets/5a3e0c1d-7b2f-4c6a-9d8e-000000000042',
      pathParams: { owner_id: 'o-1', pet_id: '5a3e0c1d-7b2f-4c6a-9d8e-000000000042' },
      query: { x: ['1', '2'] },
      headers: { 'x-trace': 't' },
    });
    expect((await send(f, 'deletePet', '/owners/o-1/pets/p')).status).toBe(204);
  });

  it('serves canned items page by page; the newest matching route wins, `times` steps aside', async () => {
    const f = fake();
    const pets = createFactories<{ Pet: v.InferOutput<typeof Pet> }>(schemas).Pet.batch(5);
    f.add('listPets', () => ({ items: pets }));
    f.add('listPets', () => ({ status: 503 }), { params: { owner_id: 'busy' }, times: 1 });
    const page = await (await send(f, 'listPets', '/owners/o/pets?limit=2&offset=3')).json();
    expect(page).toEqual({ items: pets.slice(3, 5), limit: 2, offset: 3, total: 5 });
    expect((await send(f, 'listPets', '/owners/busy/pets')).status).toBe(503);
    expect((await send(f, 'listPets', '/owners/busy/pets')).status).toBe(200);
  });

  it('errors are RFC 9457 problem documents with a request id and the RateLimit wait', async () => {
    const f = fake();
    f.add('getPet', (r) => f.errorResponse(r, { status: 429, retryAfter: 7, code: 'SLOW' }));
    const res = await send(f, 'getPet', '/owners/o/pets/p');
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('ratelimit')).toBe('"default";r=0;t=7');
    expect(await res.json()).toMatchObject({ status: 429, code: 'SLOW', instance: '/api/owners/o/pets/p' });
  });

  it('binary operations serve a file; unknown operations are refused', async () => {
    const f = fake();
    const res = await send(f, 'exportPets', '/export');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="exportPets.bin"');
    expect(() => f.add('nope', () => ({}))).toThrow(/unknown operation nope/);
    expect((await send(f, 'nope', '/nope')).status).toBe(404);
  });
});
