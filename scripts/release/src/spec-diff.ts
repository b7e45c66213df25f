/**
 * Classifies the difference between two OpenAPI documents from the point of view of an SDK user.
 *
 * The wire diff comes from `api-smart-diff` (it resolves $refs, matches operations by method and path,
 * and tags every change breaking / non-breaking / annotation / deprecated / unclassified). We keep its
 * verdict except where an SDK user sees the change differently:
 *   - a removed schema property is breaking wherever it is (it disappears from a generated type);
 *   - a renamed operationId is breaking (it names the descriptor and the generated types);
 *   - a removed enum value is breaking wherever it is (code naming it stops compiling), a new enum
 *     value in a response is additive (the result type widens);
 *   - deprecations are additive (semver: deprecating something is a minor change);
 *   - annotations (summary, description, examples, tags) are docs-only;
 *   - anything the library cannot classify is breaking, so the gate errs on the safe side.
 *
 * Vendor extensions do not change the wire but the generated surface. Their changes never reach the
 * rules above; `compareSurface` reads the surface vocabulary (specs/README.md) and classifies by what a
 * caller of the SDK would have to change:
 *   - breaking: a method renamed, moved to another group or made internal (`x-fern-sdk-group-name`,
 *     `x-fern-sdk-method-name`, `x-sdk-internal`); positional arguments changed other than by appending
 *     optional ones (`x-sdk-args`); a scope default removed or changed (`x-sdk-defaults`); the result
 *     reshaped (`x-sdk-after`, `x-sdk-result`, `x-pagination`, `x-download`); an option renamed
 *     (`x-fern-parameter-name`), a schema property renamed (`x-fern-property-name`), a variant method
 *     removed or its arguments changed (`x-sdk-variants`), listAll/iterAll renamed
 *     (`x-sdk-list-all-method-name`, `x-sdk-iter-all-method-name`); and at document level (`x-sdk`) a group, class, accessor, factory,
 *     binding or context value removed or renamed, or the package (base class) renamed;
 *   - additive: an operation that gains its first surface annotation (the spec said nothing of its
 *     method before), appended optional arguments, new scope defaults, new groups, factories or
 *     context values, new variant methods, and changed defaults (`x-sdk-page-size`, `x-sdk.pagination`,
 *     `x-sdk-file-name`);
 *   - docs-only: a group's description, and every vendor extension the vocabulary does not define.
 */
import { apiCompare } from 'api-smart-diff';
import { type Level, maxLevel } from './levels.ts';

type Json = Record<string, unknown>;

export interface Change {
  level: Level;
  description: string;
}

export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
}

export interface OperationChange extends OperationRef {
  level: Level;
  changes: Change[];
}

export interface ModelChange {
  name: string;
  level: Level;
  changes: Change[];
}

export interface SpecDiff {
  /** The highest level of any change; undefined when the documents are equivalent. */
  level: Level | undefined;
  added: OperationRef[];
  removed: OperationRef[];
  changed: OperationChange[];
  models: { added: string[]; removed: string[]; changed: ModelChange[] };
  /** Changes outside operations and schemas: security, servers, info, the document-level `x-sdk`. */
  document: Change[];
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Vendor extensions of the surface vocabulary (everything else `x-*` is informational). */
const SURFACE_EXTENSIONS = new Set([
  'x-fern-sdk-group-name',
  'x-fern-sdk-method-name',
  'x-fern-parameter-name',
  'x-sdk-args',
  'x-sdk-defaults',
  'x-sdk-after',
  'x-sdk-result',
  'x-sdk-page-size',
  'x-sdk-internal',
  'x-sdk-file-name',
  'x-sdk-list-all-method-name',
  'x-sdk-iter-all-method-name',
  'x-sdk-variants',
  'x-sdk',
  'x-pagination',
  'x-download',
]);

/** Keys whose content only documents (examples are never validated by the generated code). */
const DOC_KEYS = new Set(['example', 'examples', 'tags', 'externalDocs', 'summary', 'description', 'title']);

const EMPTY_DOC = { openapi: '3.1.0', info: { title: '', version: '' }, paths: {} };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (isObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}
const same = (a: unknown, b: unknown) => stable(a) === stable(b);

function operationAt(doc: Json, path: string, method: string): Json | undefined {
  const item = (doc.paths as Json | undefined)?.[path];
  const op = isObject(item) ? item[method] : undefined;
  return isObject(op) ? op : undefined;
}

function refOf(doc: Json, path: string, method: string): OperationRef {
  const op = operationAt(doc, path, method);
  const operationId =
    typeof op?.operationId === 'string' ? op.operationId : `${method.toUpperCase()} ${path}`;
  return { operationId, method: method.toUpperCase(), path };
}

function inResponse(path: readonly (string | number)[]): boolean {
  return path.includes('responses');
}

interface RawDiff {
  action: string;
  path: (string | number)[];
  description?: string;
  type: string;
  before?: unknown;
  after?: unknown;
}

function describe(d: RawDiff, from: number): string {
  const where = d.path.slice(from).join('.');
  if (d.description && !/\{\{|\(\d*\)|^\[\w+\] +in /.test(d.description) && !/^\s/.test(d.description))
    return d.path.some((s) => DOC_KEYS.has(String(s))) ? `${d.description} (${where})` : d.description;
  const verb = d.action === 'add' ? 'Added' : d.action === 'remove' ? 'Removed' : 'Replaced';
  const value = (d.action === 'add' ? d.after : d.before) as { name?: unknown; in?: unknown } | undefined;
  const param =
    d.path[d.path.length - 2] === 'parameters' && isObject(value) && typeof value.name === 'string';
  return param
    ? `[${verb}] ${String(value.in ?? '')} parameter \`${String(value.name)}\``
    : `[${verb}] ${where}`;
}

/**
 * A parameter list whose entries moved (a path-level parameter folded in at another index, a $ref
 * the library could not resolve) shows as a removal and an addition of the same parameter; equal
 * pairs are no change at all.
 */
function dropMovedParameters(diffs: RawDiff[]): RawDiff[] {
  const key = (d: RawDiff) => {
    const p = d.path;
    if (p[p.length - 2] !== 'parameters' || (d.action !== 'add' && d.action !== 'remove')) return undefined;
    const v = (d.action === 'add' ? d.after : d.before) as Json | undefined;
    if (!isObject(v)) return undefined;
    const id = typeof v.$ref === 'string' ? v.$ref : `${String(v.in)}:${String(v.name)}`;
    return `${p.slice(0, -1).join('\u0000')}\u0000${id}\u0000${stable(v)}`;
  };
  const adds = new Map<string, number>();
  const removes = new Map<string, number>();
  diffs.forEach((d, i) => {
    const k = key(d);
    if (k) (d.action === 'add' ? adds : removes).set(k, i);
  });
  const drop = new Set<number>();
  for (const [k, i] of adds) {
    const j = removes.get(k);
    if (j !== undefined) drop.add(i).add(j);
  }
  return diffs.filter((_, i) => !drop.has(i));
}

/** The SDK user's verdict on one wire change (see the module comment). */
export function classifyWire(d: RawDiff): Level {
  const last = d.path[d.path.length - 1];
  if (last === 'operationId') return 'breaking';
  if (d.path.some((s) => DOC_KEYS.has(String(s)))) return 'docs-only';
  if (d.action === 'remove' && d.path[d.path.length - 2] === 'properties') return 'breaking';
  if (d.path.includes('enum')) {
    // a removed value breaks code that names it (TypeScript rejects the comparison); a new value in a
    // response only widens the result type, in a request it is a new input
    if (d.action === 'remove') return 'breaking';
    if (d.action === 'add' && inResponse(d.path)) return 'additive';
  }
  switch (d.type) {
    case 'breaking':
      return 'breaking';
    case 'non-breaking':
    case 'deprecated':
      return 'additive';
    case 'annotation':
      return 'docs-only';
    default:
      return 'breaking';
  }
}

/** Every component reachable through $ref from the operations (a schema used by none is a bare model). */
function reachableComponents(doc: Json): Set<string> {
  const seen = new Set<string>();
  const queue: unknown[] = [doc.paths];
  const components = (doc.components ?? {}) as Json;
  while (queue.length) {
    const node = queue.pop();
    if (Array.isArray(node)) queue.push(...node);
    else if (isObject(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/')) {
          if (seen.has(v)) continue;
          seen.add(v);
          const [, , kind, name] = v.split('/');
          const target = (components[kind!] as Json | undefined)?.[decodeURIComponent(name!)];
          if (target !== undefined) queue.push(target);
        } else queue.push(v);
      }
    }
  }
  return seen;
}

export function diffSpecs(beforeDoc: unknown, afterDoc: unknown): SpecDiff {
  const before = (isObject(beforeDoc) ? beforeDoc : EMPTY_DOC) as Json;
  const after = (isObject(afterDoc) ? afterDoc : EMPTY_DOC) as Json;
  const diffs = dropMovedParameters((apiCompare(before, after) as { diffs: RawDiff[] }).diffs);

  const added = new Map<string, OperationRef>();
  const removed = new Map<string, OperationRef>();
  const opChanges = new Map<string, Change[]>();
  const modelChanges = new Map<string, Change[]>();
  const models = { added: [] as string[], removed: [] as string[] };
  const document: Change[] = [];
  const unknownExtensions = new Map<string, Set<string>>(); // where → extension names

  const reachable = new Set([...reachableComponents(before), ...reachableComponents(after)]);
  const opKey = (path: string, method: string) => `${method} ${path}`;
  const pushOp = (path: string, method: string, c: Change) => {
    const k = opKey(path, method);
    opChanges.set(k, [...(opChanges.get(k) ?? []), c]);
  };
  const methodsOf = (path: string) => {
    const ms = new Set<string>();
    for (const doc of [before, after]) {
      const item = (doc.paths as Json | undefined)?.[path];
      if (isObject(item)) for (const m of Object.keys(item)) if (METHODS.has(m)) ms.add(m);
    }
    return [...ms];
  };

  for (const d of diffs) {
    const p = d.path;
    const ext = p.find((s): s is string => typeof s === 'string' && s.startsWith('x-'));
    if (ext === 'x-fern-property-name' && p[p.length - 1] === ext) {
      // renames a schema property in the SDK's types: breaking when the name the SDK uses changes
      const wire = String(p[p.length - 2]);
      const was = typeof d.before === 'string' ? d.before : wire;
      const now = typeof d.after === 'string' ? d.after : wire;
      if (was === now) continue;
      d.type = 'breaking';
      d.description = `SDK surface: property \`${wire}\` is \`${now}\` (was \`${was}\`)`;
    } else if (ext) {
      // Surface extensions are compared on their meaning below; others are informational.
      if (!SURFACE_EXTENSIONS.has(ext)) {
        const where = p[0] === 'paths' && METHODS.has(String(p[2])) ? opKey(String(p[1]), String(p[2])) : '';
        unknownExtensions.set(where, (unknownExtensions.get(where) ?? new Set()).add(ext));
      }
      continue;
    }
    if (p[0] === 'paths') {
      const path = String(p[1]);
      if (p.length === 2) {
        for (const m of methodsOf(path)) {
          if (d.action === 'add') added.set(opKey(path, m), refOf(after, path, m));
          else if (d.action === 'remove') removed.set(opKey(path, m), refOf(before, path, m));
        }
        continue;
      }
      const method = String(p[2]);
      if (!METHODS.has(method)) {
        // a path-level field (parameters are folded into the operations by the library)
        for (const m of methodsOf(path))
          pushOp(path, m, { level: classifyWire(d), description: describe(d, 2) });
        continue;
      }
      if (p.length === 3 && d.action === 'add') added.set(opKey(path, method), refOf(after, path, method));
      else if (p.length === 3 && d.action === 'remove')
        removed.set(opKey(path, method), refOf(before, path, method));
      else pushOp(path, method, { level: classifyWire(d), description: describe(d, 3) });
      continue;
    }
    if (p[0] === 'components' && p[1] === 'schemas' && p.length >= 3) {
      const name = String(p[2]);
      if (p.length === 3 && d.action === 'add') models.added.push(name);
      else if (p.length === 3 && d.action === 'remove') models.removed.push(name);
      else if (!reachable.has(`#/components/schemas/${name}`)) {
        // a model no operation uses: only its exported type changes, seen both ways (input and output)
        modelChanges.set(name, [
          ...(modelChanges.get(name) ?? []),
          { level: classifyWire(d), description: describe(d, 3) },
        ]);
      }
      continue;
    }
    if (p[0] === 'components' && p[1] !== 'securitySchemes') continue; // seen through the operations
    document.push({ level: classifyWire(d), description: describe(d, 0) });
  }

  // An operation whose operationId survives a move to another path or method: the SDK method keeps its
  // name, but the new release calls the new address, so servers still on the old one stop working.
  for (const [ka, a] of added) {
    for (const [kr, r] of removed) {
      if (a.operationId !== r.operationId) continue;
      added.delete(ka);
      removed.delete(kr);
      pushOp(a.path, a.method.toLowerCase(), {
        level: 'breaking',
        description: `moved from ${r.method} ${r.path} to ${a.method} ${a.path}`,
      });
      break;
    }
  }

  // The SDK surface of every operation present on both sides.
  for (const path of new Set([...Object.keys(before.paths ?? {}), ...Object.keys(after.paths ?? {})])) {
    for (const method of methodsOf(path)) {
      const ob = operationAt(before, path, method);
      const oa = operationAt(after, path, method);
      if (!ob || !oa) continue;
      for (const c of compareSurface(before, after, path, method)) pushOp(path, method, c);
    }
  }
  for (const c of compareDocumentSurface(before['x-sdk'], after['x-sdk'])) document.push(c);

  for (const [where, names] of unknownExtensions) {
    const c: Change = {
      level: 'docs-only',
      description: `vendor extension ${[...names].join(', ')} changed`,
    };
    if (where) {
      const [method, path] = [where.slice(0, where.indexOf(' ')), where.slice(where.indexOf(' ') + 1)];
      pushOp(path, method, c);
    } else document.push(c);
  }

  const changed: OperationChange[] = [];
  for (const [k, changes] of opChanges) {
    if (added.has(k) || removed.has(k)) continue;
    const [method, path] = [k.slice(0, k.indexOf(' ')), k.slice(k.indexOf(' ') + 1)];
    const ref = operationAt(after, path, method) ? refOf(after, path, method) : refOf(before, path, method);
    changed.push({ ...ref, level: maxLevel(changes.map((c) => c.level))!, changes: dedupe(changes) });
  }
  const byId = (a: { operationId: string }, b: { operationId: string }) =>
    a.operationId.localeCompare(b.operationId);
  const modelChanged: ModelChange[] = [...modelChanges]
    .filter(([name]) => !models.added.includes(name) && !models.removed.includes(name))
    .map(([name, changes]) => ({ name, level: maxLevel(changes.map((c) => c.level))!, changes }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const result: SpecDiff = {
    level: undefined,
    added: [...added.values()].sort(byId),
    removed: [...removed.values()].sort(byId),
    changed: changed.sort(byId),
    models: { added: models.added.sort(), removed: models.removed.sort(), changed: modelChanged },
    document,
  };
  result.level = maxLevel([
    ...(result.added.length ? (['additive'] as const) : []),
    ...(result.removed.length ? (['breaking'] as const) : []),
    ...result.changed.map((c) => c.level),
    ...(result.models.added.length ? (['additive'] as const) : []),
    ...(result.models.removed.length ? (['breaking'] as const) : []),
    ...result.models.changed.map((c) => c.level),
    ...result.document.map((c) => c.level),
  ]);
  return result;
}

/** Identical entries (the library reports some once per schema position) once, with a count. */
function dedupe(changes: Change[]): Change[] {
  const counts = new Map<string, { change: Change; n: number }>();
  for (const c of changes) {
    const k = `${c.level}\u0000${c.description}`;
    const seen = counts.get(k);
    if (seen) seen.n++;
    else counts.set(k, { change: c, n: 1 });
  }
  return [...counts.values()].map(({ change, n }) =>
    n === 1 ? change : { ...change, description: `${change.description} (×${n})` },
  );
}

// ---------------------------------------------------------------------------------------------------
// The surface vocabulary

function camel(name: string): string {
  return name.replace(/[-_ ]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

function resolve(doc: Json, v: unknown): Json | undefined {
  if (isObject(v) && typeof v.$ref === 'string' && v.$ref.startsWith('#/')) {
    let node: unknown = doc;
    for (const seg of v.$ref.slice(2).split('/'))
      node = isObject(node) ? node[decodeURIComponent(seg)] : undefined;
    return isObject(node) ? node : undefined;
  }
  return isObject(v) ? v : undefined;
}

function parametersOf(doc: Json, path: string, method: string): Json[] {
  const item = (doc.paths as Json)[path] as Json;
  const op = item[method] as Json;
  const byKey = new Map<string, Json>();
  for (const list of [item.parameters, op.parameters])
    if (Array.isArray(list))
      for (const raw of list) {
        const p = resolve(doc, raw);
        if (p) byKey.set(`${p.in}:${p.name}`, p);
      }
  return [...byKey.values()];
}

function groupOf(doc: Json, name: unknown): Json | undefined {
  const groups = (doc['x-sdk'] as Json | undefined)?.groups as Json | undefined;
  return typeof name === 'string' && isObject(groups?.[name]) ? (groups[name] as Json) : undefined;
}

/** Positional arguments: `x-sdk-args`, else every unbound path parameter in template order, then the body. */
export function effectiveArgs(doc: Json, path: string, method: string): string[] {
  const op = operationAt(doc, path, method)!;
  if (Array.isArray(op['x-sdk-args'])) return op['x-sdk-args'].map(String);
  const bind = (groupOf(doc, op['x-fern-sdk-group-name'])?.bind ?? {}) as Json;
  const args = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).filter((n) => !(n in bind));
  const body = resolve(doc, op.requestBody);
  if (body) args.push(body.required ? 'body' : 'body?');
  return args;
}

const optional = (arg: string) => arg.endsWith('?');

/** Compares positional argument lists: equal, extended by optional trailing ones, or changed. */
function compareArgs(before: string[], after: string[], what: string): Change | undefined {
  if (same(before, after)) return undefined;
  const extended =
    after.length > before.length &&
    before.every((a, i) => a === after[i]) &&
    after.slice(before.length).every(optional);
  return extended
    ? {
        level: 'additive',
        description: `${what}: optional arguments appended (${after.slice(before.length).join(', ')})`,
      }
    : { level: 'breaking', description: `${what}: arguments (${before.join(', ')}) → (${after.join(', ')})` };
}

function address(op: Json): string | undefined {
  if (op['x-sdk-internal'] === true) return 'internal';
  const g = op['x-fern-sdk-group-name'];
  const m = op['x-fern-sdk-method-name'];
  return typeof g === 'string' && typeof m === 'string' ? `${g}.${m}` : undefined;
}

export function compareSurface(before: Json, after: Json, path: string, method: string): Change[] {
  const ob = operationAt(before, path, method)!;
  const oa = operationAt(after, path, method)!;
  const out: Change[] = [];
  const ab = address(ob);
  const aa = address(oa);
  const sdkName = (a: string | undefined) => (a === 'internal' ? 'an internal operation' : `\`${a}\``);

  if (ab === undefined && aa !== undefined) {
    out.push({ level: 'additive', description: `SDK surface: now ${sdkName(aa)}` });
  } else if (ab !== undefined && ab !== aa) {
    out.push({
      level: 'breaking',
      description: `SDK surface: ${sdkName(ab)} → ${aa === undefined ? 'no method' : sdkName(aa)}`,
    });
  }
  // With a method on both sides, compare how it is called.
  if (ab !== undefined && ab !== 'internal' && aa !== undefined && aa !== 'internal') {
    const args = compareArgs(
      effectiveArgs(before, path, method),
      effectiveArgs(after, path, method),
      'SDK surface',
    );
    if (args) out.push(args);
    const db = (ob['x-sdk-defaults'] ?? {}) as Json;
    const da = (oa['x-sdk-defaults'] ?? {}) as Json;
    if (!same(db, da)) {
      const kept = Object.entries(db).every(([k, v]) => same(da[k], v));
      out.push({
        level: kept ? 'additive' : 'breaking',
        description: `SDK surface: x-sdk-defaults ${stable(db)} → ${stable(da)}`,
      });
    }
    const optionNames = (doc: Json) => {
      const m = new Map<string, string>();
      for (const p of parametersOf(doc, path, method))
        if (p.in === 'query') {
          const n = p['x-fern-parameter-name'];
          m.set(String(p.name), typeof n === 'string' ? n : camel(String(p.name)));
        }
      return m;
    };
    const nb = optionNames(before);
    const na = optionNames(after);
    for (const [wire, name] of nb) {
      const now = na.get(wire);
      if (now !== undefined && now !== name)
        out.push({ level: 'breaking', description: `SDK surface: option \`${name}\` renamed \`${now}\`` });
    }
  }
  // x-pagination and x-download predate the surface vocabulary; the hooks and results of a method
  // matter once the spec named that method
  const shapeKeys =
    ab === undefined
      ? ['x-pagination', 'x-download']
      : ['x-sdk-after', 'x-sdk-result', 'x-pagination', 'x-download'];
  for (const key of shapeKeys) {
    if (!same(ob[key], oa[key]))
      out.push({
        level: 'breaking',
        description: `SDK surface: ${key} ${stable(ob[key])} → ${stable(oa[key])} (the result changes shape)`,
      });
  }
  if (ab !== undefined && ab !== 'internal' && aa !== undefined && aa !== 'internal') {
    // more methods on the same operation (x-sdk-variants: [{ method, args }])
    const variants = (op: Json) =>
      new Map(
        (Array.isArray(op['x-sdk-variants']) ? op['x-sdk-variants'] : [])
          .filter(isObject)
          .map((v) => [String(v.method), Array.isArray(v.args) ? v.args.map(String) : []] as const),
      );
    const vb = variants(ob);
    const va = variants(oa);
    for (const [m, args] of vb) {
      const now = va.get(m);
      if (!now) out.push({ level: 'breaking', description: `SDK surface: variant method \`${m}\` removed` });
      else {
        const c = compareArgs(args, now, `SDK surface: variant \`${m}\``);
        if (c) out.push(c);
      }
    }
    for (const m of va.keys())
      if (!vb.has(m))
        out.push({ level: 'additive', description: `SDK surface: variant method \`${m}\` added` });
    // the names of listAll / iterAll of a paginated method
    const pagedNames = (op: Json) => {
      const suffix = /^get([A-Z][A-Za-z0-9]*)?Page$/.exec(String(op['x-fern-sdk-method-name']))?.[1] ?? '';
      return op['x-pagination'] === undefined
        ? undefined
        : [
            op['x-sdk-list-all-method-name'] ?? `listAll${suffix}`,
            op['x-sdk-iter-all-method-name'] ?? `iterAll${suffix}`,
          ];
    };
    const pb = pagedNames(ob);
    const pa = pagedNames(oa);
    if (pb && pa && !same(pb, pa))
      out.push({ level: 'breaking', description: `SDK surface: ${pb.join('/')} → ${pa.join('/')}` });
  }
  if (!same(ob['x-sdk-file-name'], oa['x-sdk-file-name']))
    out.push({
      level: 'additive',
      description: `SDK surface: default file name ${stable(ob['x-sdk-file-name'])} → ${stable(oa['x-sdk-file-name'])}`,
    });
  if (!same(ob['x-sdk-page-size'], oa['x-sdk-page-size']))
    out.push({
      level: 'additive',
      description: `SDK surface: default page size ${ob['x-sdk-page-size'] ?? 'default'} → ${oa['x-sdk-page-size'] ?? 'default'}`,
    });
  return out;
}

/** The document-level `x-sdk`: package, pagination defaults, context and groups. */
export function compareDocumentSurface(beforeSdk: unknown, afterSdk: unknown): Change[] {
  if (same(beforeSdk, afterSdk)) return [];
  if (!isObject(beforeSdk))
    return [{ level: 'additive', description: 'SDK surface: x-sdk (groups and scope) introduced' }];
  if (!isObject(afterSdk))
    return [
      { level: 'breaking', description: 'SDK surface: x-sdk removed (groups and their accessors go away)' },
    ];
  const out: Change[] = [];
  const push = (level: Level, description: string) =>
    out.push({ level, description: `SDK surface: ${description}` });
  if (!same(beforeSdk.package, afterSdk.package))
    push(
      'breaking',
      `package ${stable(beforeSdk.package)} → ${stable(afterSdk.package)} (base class renamed)`,
    );
  if (!same(beforeSdk.pagination, afterSdk.pagination))
    push('additive', `pagination defaults ${stable(beforeSdk.pagination)} → ${stable(afterSdk.pagination)}`);
  const cb = (beforeSdk.context ?? {}) as Json;
  const ca = (afterSdk.context ?? {}) as Json;
  for (const k of new Set([...Object.keys(cb), ...Object.keys(ca)])) {
    if (same(cb[k], ca[k])) continue;
    if (!(k in cb)) push('additive', `context value \`${k}\` added`);
    else push('breaking', `context value \`${k}\` ${k in ca ? 'changed' : 'removed'}`);
  }
  const gb = (beforeSdk.groups ?? {}) as Json;
  const ga = (afterSdk.groups ?? {}) as Json;
  for (const name of new Set([...Object.keys(gb), ...Object.keys(ga)])) {
    const b = gb[name] as Json | undefined;
    const a = ga[name] as Json | undefined;
    if (same(b, a)) continue;
    if (!b) {
      push('additive', `group \`${name}\` added`);
      continue;
    }
    if (!a) {
      push('breaking', `group \`${name}\` removed`);
      continue;
    }
    for (const key of ['class', 'accessor'])
      if (!same(b[key], a[key]))
        push('breaking', `group \`${name}\`: ${key} ${stable(b[key])} → ${stable(a[key])}`);
    if (!same(b.factory, a.factory))
      push(
        b.factory === undefined ? 'additive' : 'breaking',
        `group \`${name}\`: factory ${stable(b.factory)} → ${stable(a.factory)}`,
      );
    if (!same(b.bind, a.bind))
      push('breaking', `group \`${name}\`: bind ${stable(b.bind)} → ${stable(a.bind)}`);
    const args = compareArgs(
      Array.isArray(b.args) ? b.args.map(String) : [],
      Array.isArray(a.args) ? a.args.map(String) : [],
      `group \`${name}\` accessor`,
    );
    if (args) out.push({ ...args, description: `SDK surface: ${args.description}` });
    if (!same(b.description, a.description)) push('docs-only', `group \`${name}\`: description`);
    const known = new Set(['class', 'accessor', 'factory', 'bind', 'args', 'description']);
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)]))
      if (!known.has(key) && !same(b[key], a[key])) push('docs-only', `group \`${name}\`: ${key}`);
  }
  const knownTop = new Set(['package', 'pagination', 'context', 'groups']);
  for (const key of new Set([...Object.keys(beforeSdk), ...Object.keys(afterSdk)]))
    if (!knownTop.has(key) && !same(beforeSdk[key], afterSdk[key])) push('docs-only', `x-sdk.${key}`);
  return out;
}
