import type { Operation, Parameter } from '../model.ts';
import { docText, propertyKey } from '../names.ts';
import type { Arg, Group, Method, Surface } from '../surface.ts';
import { modelName } from './models.ts';
import { plansFile } from './plans.ts';

/**
 * services.gen.ts: one class per group, extending the runtime's `Service`. Each method is one line
 * handing the base a plan (data) and its arguments; the plans sit in one module per class
 * (plans.<group>.gen.ts), loaded the first time one of the class's methods is called.
 */
export function emitServices(surface: Surface): string {
  const out: string[] = [];
  const runtime = ['type CallOptions', 'type MethodPlan', 'Service'];
  const methods = surface.groups.flatMap((g) => g.methods);
  if (methods.some((m) => m.page)) runtime.push('type Page');
  if (methods.some((m) => m.file)) runtime.push('type DownloadedFile');
  out.push(`import { ${runtime.join(', ')} } from '@sdkforge/runtime';`);
  out.push(`import type * as M from './models.gen.js';`);
  out.push(`import type * as T from './operations.gen.js';`, '');
  for (const group of surface.groups) out.push(...groupCode(group));
  return out.join('\n');
}

/** `.name` when `name` is an identifier, else `["name"]`. */
function member(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

function scopeMembers(group: Group): { name: string; type: string }[] {
  return [
    ...group.args.map((a) => ({ name: a.name, type: a.optional ? 'string | undefined' : 'string' })),
    ...group.context.map((c) => ({ name: c.name, type: 'string' })),
  ];
}

/** The scope type of a group's service class. */
export function scopeType(group: Group): string {
  const members = scopeMembers(group);
  return members.length ? `{ ${members.map((m) => `readonly ${m.name}: ${m.type}`).join('; ')} }` : '{}';
}

function groupCode(group: Group): string[] {
  const lines: string[] = [];
  const plans = `${group.className}Plans`;
  for (const m of group.methods) lines.push(...optionsType(m));
  lines.push(
    `/** A ${group.className} plan, loaded (with its operations' descriptors and validators) at the group's first call. */`,
    `const ${plans} = (name: string): Promise<MethodPlan> =>`,
    `  import('./${plansFile(group).replace(/\.ts$/, '.js')}').then((m) => m.plans[name] as MethodPlan);`,
    '',
  );
  lines.push('/**');
  for (const l of docText(group.description ?? `The ${group.key} operations.`).split('\n')) {
    lines.push(` * ${l}`.trimEnd());
  }
  lines.push(' */');
  lines.push(`export class ${group.className} extends Service<${scopeType(group)}> {`);
  for (const member of scopeMembers(group)) {
    lines.push(`  /** The \`${member.name}\` this service was created with. */`);
    lines.push(
      `  get ${member.name}(): ${member.type} {`,
      `    return this.scope.${member.name};`,
      '  }',
      '',
    );
  }
  for (const m of group.methods) lines.push(...methodCode(m, plans));
  if (lines.at(-1) === '') lines.pop();
  lines.push('}', '');
  return lines;
}

/** One method's plan, as a `MethodPlan` literal (its `op` names the descriptor `O.<operationId>`). */
export function plan(m: Method): string {
  const op = m.op;
  const fields = [`op: O${member(op.operationId)}`];
  if (m.args.length) {
    const specs = m.args.map(argSpec);
    fields.push(`args: ${JSON.stringify(specs)}`);
  }
  if (m.options.length) {
    fields.push(
      `query: { ${m.options.map((p) => `${propertyKey(p.option)}: ${JSON.stringify(p.name)}`).join(', ')} }`,
    );
  }
  if (m.bind.length) {
    const entries = m.bind.map(
      (b) =>
        `${JSON.stringify(`${b.part}:${b.name}`)}: ${JSON.stringify(b.required ? b.scope : `${b.scope}?`)}`,
    );
    fields.push(`bind: { ${entries.join(', ')} }`);
  }
  if (m.defaults.length) {
    const entries = m.defaults.map(
      (d) => `${JSON.stringify(`${d.part}:${d.name}`)}: ${JSON.stringify(d.scope)}`,
    );
    fields.push(`defaults: { ${entries.join(', ')} }`);
  }
  if (m.after) fields.push(`after: ${JSON.stringify(m.after)}`);
  if (m.file) fields.push(`file: ${JSON.stringify(m.file)}`);
  if (m.page) {
    const p = op.pagination!;
    fields.push(
      `page: { items: ${JSON.stringify(p.items)}, total: ${JSON.stringify(p.total)}, limit: ${JSON.stringify(p.limit)}, offset: ${JSON.stringify(p.offset)}, pageLimit: ${m.page.pageLimit}, iterLimit: ${m.page.iterLimit} }`,
    );
  }
  return `{ ${fields.join(', ')} }`;
}

/** Where a positional argument goes, as the runtime's MethodPlan says it. */
function argSpec(a: Arg): string {
  switch (a.kind) {
    case 'body':
      return 'body';
    case 'field':
      return `body:${a.field}`;
    case 'upload':
      return `upload:${a.field}`;
    default:
      return `${a.kind}:${a.param.name}`;
  }
}

/** The name of a method's options type: `CallOptions` when it adds nothing. */
function optionsName(m: Method): string {
  if (!m.options.length && !m.headers.length && !m.upload) return 'CallOptions';
  return m.variant
    ? `${m.op.typeName}${m.name[0]!.toUpperCase()}${m.name.slice(1)}Options`
    : `${m.op.typeName}Options`;
}

function optionsType(m: Method): string[] {
  const name = optionsName(m);
  if (name === 'CallOptions') return [];
  const op = m.op;
  const lines = [
    `/** Options of \`${m.name}\` (${op.where}): its query parameters and the per-call options. */`,
  ];
  lines.push(`export interface ${name} extends CallOptions {`);
  for (const p of m.options) {
    const doc = pageDoc(m, p) ?? docOf(p);
    const defaulted = m.defaults.find((d) => d.part === 'query' && d.name === p.name);
    const required = p.required && !defaulted;
    if (doc || defaulted) {
      const note = defaulted ? `@default the service's \`${defaulted.scope}\`` : '';
      lines.push(`  /** ${[doc, note].filter(Boolean).join(' ')} */`);
    }
    lines.push(
      `  ${propertyKey(p.option)}${required ? '' : '?'}: ${queryType(op, p)}${required ? '' : ' | undefined'};`,
    );
  }
  if (m.headers.length) {
    const fields = m.headers.map((h) => `${propertyKey(h.name)}${h.required ? '' : '?'}: string`).join('; ');
    const required = m.headers.some((h) => h.required);
    lines.push(
      `  /** Extra headers; the operation's own: ${m.headers.map((h) => `\`${h.name}\``).join(', ')}. */`,
    );
    lines.push(`  headers${required ? '' : '?'}: { ${fields} } & Record<string, string>;`);
  }
  if (m.upload) {
    lines.push('  /** Media type of the uploaded file. @default guessed from the file name */');
    lines.push('  contentType?: string | undefined;');
  }
  lines.push('}', '');
  return lines;
}

/** What the pagination trio does with its page-size and offset options. */
function pageDoc(m: Method, p: Parameter): string | undefined {
  const page = m.page;
  const fields = m.op.pagination;
  if (!page || !fields) return undefined;
  if (p.name === fields.limit) {
    return `Page size: ${page.pageLimit} for \`${m.name}\`, ${page.iterLimit} for \`${page.listAll}\` / \`${page.iterAll}\` when not given.`;
  }
  if (p.name === fields.offset) return 'Items to skip before the first one returned. @default 0';
  return undefined;
}

function docOf(p: Parameter): string | undefined {
  const text = p.description?.trim().split('\n')[0];
  return text ? docText(text) : undefined;
}

function scalarOr(p: Parameter, indexed: string): string {
  return p.scalar ?? indexed;
}

function queryType(op: Operation, p: Parameter): string {
  if (p.dateTime) return 'Date | string';
  return scalarOr(p, `T.${op.typeName}Query[${JSON.stringify(p.name)}]`);
}

function bodyType(op: Operation): string {
  const body = op.body!;
  if (body.model && (body.encoding === 'json' || body.encoding === 'form'))
    return `M.${modelName(body.model)}`;
  return `T.${op.typeName}Body`;
}

function argList(m: Method): { params: string[]; values: string[] } {
  const op = m.op;
  const params: string[] = [];
  const values: string[] = [];
  for (const a of m.args) params.push(...argParams(op, a, m));
  for (const a of m.args) values.push(...(a.kind === 'upload' ? ['filename', 'content'] : [argValue(op, a)]));
  return { params, values };
}

/** An optional whole body of an operation that requires one is sent as `{}` when left out (`body?`). */
function argValue(op: Operation, a: Arg): string {
  if (a.kind === 'body' && a.optional && op.body?.required) return `${a.name} ?? {}`;
  return a.kind === 'upload' ? 'filename' : a.name;
}

/** A body type whose fields the scope fills in (x-sdk-defaults `body.<field>`) made optional. */
function withDefaults(type: string, m: Method): string {
  const fields = m.defaults.filter((d) => d.part === 'body').map((d) => JSON.stringify(d.name));
  if (!fields.length) return type;
  const keys = fields.join(' | ');
  return `Omit<${type}, ${keys}> & Partial<Pick<${type}, ${keys}>>`;
}

function argParams(op: Operation, a: Arg, m: Method): string[] {
  switch (a.kind) {
    case 'path':
      return [`${a.name}: ${scalarOr(a.param, `T.${op.typeName}Path[${JSON.stringify(a.param.name)}]`)}`];
    case 'query':
      return [`${a.name}${a.optional ? '?' : ''}: ${queryType(op, a.param)}`];
    case 'body':
      return [`${a.name}${a.optional ? '?' : ''}: ${withDefaults(bodyType(op), m)}`];
    case 'field':
      return [`${a.name}${a.optional ? '?' : ''}: T.${op.typeName}Body[${JSON.stringify(a.field)}]`];
    case 'upload':
      return ['filename: string', 'content: BlobPart'];
  }
}

function resultType(m: Method): string {
  const op = m.op;
  if (m.file) return 'DownloadedFile';
  switch (op.success.decoding) {
    case 'json':
      return op.success.model ? `M.${modelName(op.success.model)}` : `T.${op.typeName}Result`;
    case 'text':
      return 'string';
    case 'stream':
      return 'Response';
    default:
      return 'void';
  }
}

function itemType(m: Method): string {
  const op = m.op;
  return op.success.itemModel ? `M.${modelName(op.success.itemModel)}` : `T.${op.typeName}Item`;
}

function jsDoc(m: Method, lead: string | undefined): string[] {
  const op = m.op;
  const lines = ['  /**'];
  const text: string[] = [];
  if (op.summary) text.push(docText(op.summary));
  if (lead) text.push(lead);
  if (op.description && !lead) text.push(docText(op.description));
  text.forEach((t, i) => {
    if (i) lines.push('   *');
    for (const l of t.split('\n')) lines.push(`   * ${l}`.trimEnd());
  });
  if (text.length) lines.push('   *');
  for (const a of m.args) {
    if ((a.kind === 'path' || a.kind === 'query') && docOf(a.param))
      lines.push(`   * @param ${a.name} ${docOf(a.param)}`);
  }
  lines.push(`   * @see ${op.where}`);
  if (op.deprecated) lines.push('   * @deprecated The server documents this operation as deprecated.');
  lines.push('   */');
  return lines;
}

function methodCode(m: Method, plans: string): string[] {
  const { params, values } = argList(m);
  const options = `options${m.optionsRequired ? '' : '?'}: ${optionsName(m)}`;
  const signature = [...params, options].join(', ');
  const planRef = `() => ${plans}(${JSON.stringify(m.name)})`;
  const args = `[${values.join(', ')}]`;
  if (!m.page) {
    const result = resultType(m);
    return [
      ...jsDoc(m, undefined),
      `  ${m.name}(${signature}): Promise<${result}> {`,
      `    return this.invoke<${result}>(${planRef}, ${args}, options);`,
      '  }',
      '',
    ];
  }
  const item = itemType(m);
  return [
    ...jsDoc(
      m,
      'One page (`limit` and `offset` from the options), with `hasMore`, `nextOffset`, `totalPages` and `currentPage`.',
    ),
    `  ${m.name}(${signature}): Promise<Page<${item}>> {`,
    `    return this.paged<${item}>('page', ${planRef}, ${args}, options);`,
    '  }',
    '',
    ...jsDoc(
      m,
      `Every item from \`offset\` on, collected into one array (pages of ${m.page.iterLimit} unless \`limit\` says otherwise).`,
    ),
    `  ${m.page.listAll}(${signature}): Promise<${item}[]> {`,
    `    return this.paged<${item}>('list', ${planRef}, ${args}, options);`,
    '  }',
    '',
    ...jsDoc(
      m,
      `Every item from \`offset\` on, one at a time; the next page is fetched while you work on this one (pages of ${m.page.iterLimit} unless \`limit\` says otherwise).`,
    ),
    `  ${m.page.iterAll}(${signature}): AsyncGenerator<${item}, void, undefined> {`,
    `    return this.paged<${item}>('iter', ${planRef}, ${args}, options);`,
    '  }',
    '',
  ];
}
