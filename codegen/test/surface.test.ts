import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../src/load.ts';
import { buildSurface } from '../src/surface.ts';

const kennel = loadSpec(join(import.meta.dirname, 'fixtures', 'kennel.yaml')).document;

type Doc = typeof kennel;
/** A copy of the kennel fixture changed by `edit`. */
function variant(
  edit: (doc: Doc, op: (path: string, method: string) => Record<string, unknown>) => void,
): Doc {
  const copy = structuredClone(kennel);
  edit(copy, (path, method) => copy.paths![path]![method] as Record<string, unknown>);
  return copy;
}
function sdk(doc: Doc) {
  return doc['x-sdk'] as {
    groups: Record<string, Record<string, unknown>>;
    context: Record<string, unknown>;
  };
}
function problems(doc: Doc): string {
  try {
    buildSurface(doc, 'kennel');
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('buildSurface', () => {
  it('places every public operation on its group, with the generated pagination names', () => {
    const surface = buildSurface(kennel, 'kennel');
    expect(surface.className).toBe('KennelSurface');
    expect(
      surface.groups.map((g) => [
        g.accessor,
        g.methods.flatMap((m) => [m.name, m.page?.listAll, m.page?.iterAll].filter(Boolean)),
      ]),
    ).toEqual([
      ['system', ['health', 'rotateKey', 'downloadLogs']],
      ['dogs', ['getPage', 'listAll', 'iterAll', 'create', 'get', 'rename', 'uploadPhoto']],
      ['walks', ['getPage', 'listAll', 'iterAll', 'log']],
    ]);
    expect(surface.placement.has('login')).toBe(false);
    expect(surface.operations.map((o) => o.operationId)).toContain('login');
  });

  it('reads bindings, their required-ness, defaults, options, page sizes and files', () => {
    const surface = buildSurface(kennel, 'kennel');
    const dogs = surface.groups.find((g) => g.key === 'dogs')!;
    const by = Object.fromEntries(dogs.methods.map((m) => [m.name, m]));
    expect(by.getPage!.bind).toEqual([
      { part: 'path', name: 'company_id', scope: 'companyId', required: true },
      { part: 'header', name: 'On-Behalf-Of', scope: 'userId', required: true },
    ]);
    expect(by.get!.bind[1]).toMatchObject({ name: 'On-Behalf-Of', required: false });
    expect(by.getPage!.defaults).toEqual([{ part: 'query', name: 'kennel_id', scope: 'kennelId' }]);
    expect(by.getPage!.options.map((p) => [p.name, p.option, p.dateTime])).toEqual([
      ['limit', 'limit', false],
      ['offset', 'offset', false],
      ['kennel_id', 'kennelId', false],
      ['born_after', 'bornAfter', true],
      ['userid', 'ownerId', false],
    ]);
    expect(by.getPage!.page).toEqual({
      listAll: 'listAll',
      iterAll: 'iterAll',
      pageLimit: 10,
      iterLimit: 50,
    });
    expect(by.uploadPhoto!.headers.map((h) => h.name)).toEqual(['X-Trace']);
    const system = surface.groups.find((g) => g.key === 'system')!;
    expect(system.methods.find((m) => m.name === 'downloadLogs')!.file).toBe('logs-20260101.zip');
    expect(surface.securitySchemes).toEqual({ ApiKey: { type: 'http', scheme: 'api-key-v1' } });
    expect(surface.operations.find((o) => o.operationId === 'getHealth')!.security).toEqual([
      {},
      { ApiKey: [] },
    ]);
  });

  it('defaults x-sdk-args to the unbound path parameters, then the body', () => {
    const dogs = buildSurface(kennel, 'kennel').groups.find((g) => g.key === 'dogs')!;
    expect(dogs.methods.find((m) => m.name === 'get')!.args.map((a) => a.kind === 'path' && a.name)).toEqual([
      'dogId',
    ]);
    expect(dogs.methods.find((m) => m.name === 'create')!.args).toEqual([
      { kind: 'body', name: 'body', optional: false },
    ]);
  });

  const cases: [string, (doc: Doc, op: (p: string, m: string) => Record<string, unknown>) => void, string][] =
    [
      [
        'an operation that says nothing',
        (_, op) => {
          delete op('/health', 'get')['x-fern-sdk-group-name'];
          delete op('/health', 'get')['x-fern-sdk-method-name'];
        },
        'GET /health: says nothing about the surface',
      ],
      [
        'an unknown group',
        (_, op) => {
          op('/health', 'get')['x-fern-sdk-group-name'] = 'cats';
        },
        'GET /health: unknown group "cats"',
      ],
      [
        'a group without method',
        (_, op) => void delete op('/health', 'get')['x-fern-sdk-method-name'],
        'GET /health: x-fern-sdk-method-name',
      ],
      [
        'a duplicate method name in a group',
        (_, op) => {
          op('/logs', 'get')['x-fern-sdk-method-name'] = 'health';
        },
        'GET /logs: method "health" is already in group system (GET /health)',
      ],
      [
        'a method clashing with a generated listAll',
        (_, op) => {
          op('/companies/{company_id}/dogs/{dog_id}', 'get')['x-fern-sdk-method-name'] = 'listAll';
        },
        'method "listAll" is already in group dogs',
      ],
      [
        'a paginated method not named get…Page',
        (_, op) => {
          op('/companies/{company_id}/dogs', 'get')['x-fern-sdk-method-name'] = 'list';
        },
        'GET /companies/{company_id}/dogs: paginated method "list" must be named getPage or get<X>Page',
      ],
      [
        'an unknown path arg',
        (_, op) => {
          op('/companies/{company_id}/dogs/{dog_id}', 'get')['x-sdk-args'] = ['dog_id', 'cat_id'];
        },
        'GET /companies/{company_id}/dogs/{dog_id}: x-sdk-args "cat_id": no path parameter "cat_id"',
      ],
      [
        'an unknown body field',
        (_, op) => {
          op('/companies/{company_id}/dogs/{dog_id}', 'patch')['x-sdk-args'] = [
            'dog_id',
            'body.name',
            'body.colour',
          ];
        },
        'x-sdk-args "body.colour": the body has no field "colour"',
      ],
      [
        'a required body field left out',
        (_, op) => {
          op('/companies/{company_id}/dogs/{dog_id}', 'patch')['x-sdk-args'] = ['dog_id', 'body.tag?'];
        },
        'required body field "name" is not in x-sdk-args',
      ],
      [
        'a path parameter neither bound nor positional',
        (_, op) => {
          op('/companies/{company_id}/dogs/{dog_id}', 'get')['x-sdk-args'] = [];
        },
        'path parameter "dog_id" is neither bound by group dogs nor in x-sdk-args',
      ],
      [
        'a positional argument the group binds',
        (_, op) => {
          op('/companies/{company_id}/dogs/{dog_id}', 'get')['x-sdk-args'] = ['company_id', 'dog_id'];
        },
        '"company_id" is bound by group dogs',
      ],
      [
        'a required argument after an optional one',
        (_, op) => {
          op('/companies/{company_id}/dogs/{dog_id}/walks', 'post')['x-sdk-args'] = [
            'query.at?',
            'query.minutes',
          ];
        },
        'a required argument follows an optional one',
      ],
      [
        'a binding to a scope value the group does not have',
        (doc) => {
          (sdk(doc).groups.walks!.bind as Record<string, string>).dog_id = 'puppyId';
        },
        'x-sdk.groups.walks.bind.dog_id: "puppyId" is neither one of the group\'s args nor an x-sdk.context value',
      ],
      [
        'a binding no operation of the group can take',
        (doc) => {
          (sdk(doc).groups.walks!.bind as Record<string, string>).kennel_id = 'dogId';
        },
        'x-sdk.groups.walks.bind: no operation of the group has a parameter "kennel_id"',
      ],
      [
        'a group arg named like a context value',
        (doc) => {
          sdk(doc).groups.walks!.args = ['userId', 'dogId', 'companyId?'];
        },
        'x-sdk.groups.walks.args: "companyId" is a context value',
      ],
      [
        'a default from a scope value the group does not have',
        (_, op) => {
          op('/companies/{company_id}/dogs/{dog_id}/walks', 'get')['x-sdk-defaults'] = {
            'query.limit': 'kennelId',
          };
        },
        'x-sdk-defaults.query.limit: "kennelId" is not a scope value of group walks',
      ],
      [
        'a query option named like a per-call option',
        (_, op) =>
          void (op('/companies/{company_id}/dogs', 'get').parameters as unknown[]).push({
            name: 'time_out',
            in: 'query',
            'x-fern-parameter-name': 'timeout',
            schema: { type: 'integer' },
          }),
        'query parameter "time_out" is reserved (option "timeout")',
      ],
      [
        'x-sdk-result: file on a JSON operation',
        (_, op) => {
          op('/health', 'get')['x-sdk-result'] = 'file';
        },
        'GET /health: x-sdk-result: file needs a binary response',
      ],
      [
        'x-sdk-page-size without pagination',
        (_, op) => {
          op('/health', 'get')['x-sdk-page-size'] = 100;
        },
        'GET /health: x-sdk-page-size on an operation without x-pagination',
      ],
      [
        'a misspelt extension',
        (_, op) => {
          op('/health', 'get')['x-sdk-arg'] = [];
        },
        'GET /health: unknown extension x-sdk-arg',
      ],
      [
        'an accessor that shadows the client core',
        (doc) => {
          sdk(doc).groups.system!.accessor = 'close';
        },
        'x-sdk.groups.system.accessor "close" is a member of ClientCore',
      ],
      [
        'two groups with one accessor',
        (doc) => {
          sdk(doc).groups.walks!.accessor = 'dogs';
        },
        'x-sdk.groups.walks: accessor "dogs" is also used by dogs',
      ],
      [
        'an internal operation that also names a group',
        (_, op) => {
          op('/login', 'post')['x-fern-sdk-group-name'] = 'system';
        },
        'POST /login: x-sdk-internal operations have no group or method',
      ],
    ];
  for (const [what, edit, message] of cases) {
    it(`fails on ${what}, naming the operation or setting`, () => {
      expect(problems(kennel)).toBe('');
      expect(problems(variant(edit))).toContain(message);
    });
  }

  it('reports every problem at once', () => {
    const text = problems(
      variant((_, op) => {
        op('/health', 'get')['x-fern-sdk-group-name'] = 'cats';
        op('/logs', 'get')['x-sdk-result'] = 'blob';
      }),
    );
    expect(text).toContain('GET /health: unknown group "cats"');
    expect(text).toContain('GET /logs: x-sdk-result "blob" is not supported');
  });

  it('fails on a spec without x-sdk', () => {
    const old = structuredClone(kennel);
    delete old['x-sdk'];
    expect(problems(old)).toContain('no top-level x-sdk');
  });
});
