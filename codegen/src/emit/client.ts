import { docText } from '../names.ts';
import type { Group, Surface } from '../surface.ts';

/**
 * client.gen.ts: `<Pkg>Surface`, the abstract base of the SDK's hand-written client, with one accessor
 * per group (a cached getter when the group takes nothing, else a method), plus the factory functions
 * that use the default client.
 */
export function emitClient(surface: Surface): string {
  const out: string[] = [];
  const scopeName = `${surface.className.replace(/Surface$/, '')}Scope`;
  const withFactories = surface.groups.some((g) => g.factory);
  const anyOverloads = surface.groups.some((g) => overloaded(g));
  const runtime = ['ClientCore'];
  if (withFactories) runtime.push('type DefaultClientRegistry', 'defaultClientRegistry');
  if (anyOverloads) runtime.push('scopeArgs');
  const usedContext = surface.context.filter((c) => surface.groups.some((g) => g.context.includes(c)));
  if (usedContext.some((c) => !c.missingError)) runtime.push('ConfigurationError');
  out.push(`import { ${runtime.sort().join(', ')} } from '@sdkforge/runtime';`);
  const errors = new Set<string>();
  for (const c of usedContext) if (c.missingError) errors.add(c.missingError);
  if (withFactories && surface.registryMissingError) errors.add(surface.registryMissingError);
  if (errors.size) out.push(`import { ${[...errors].sort().join(', ')} } from '../errors.js';`);
  out.push(`import * as S from './services.gen.js';`, '');

  if (surface.context.length) {
    out.push(
      "/** Scope values an accessor or factory takes last; each falls back on the client's default. */",
    );
    out.push(`export interface ${scopeName} {`);
    for (const c of surface.context) {
      out.push(`  /** @default the client's \`${c.clientDefault}\` */`);
      out.push(`  ${c.option}?: string | undefined;`);
    }
    out.push('}', '');
  }

  out.push('/**');
  out.push(` * The generated part of the ${surface.package} client: the accessor of every service group.`);
  out.push(
    " * The SDK's client class extends it and adds configuration and the flows a spec cannot describe.",
  );
  out.push(' */');
  out.push(`export abstract class ${surface.className} extends ClientCore {`);
  for (const g of surface.groups)
    if (isGetter(g)) out.push(`  #${g.accessor}: S.${g.className} | undefined;`);
  out.push('');
  for (const g of surface.groups) out.push(...accessor(g, scopeName));
  for (const c of usedContext) {
    out.push(`  /** \`${c.option}\` as given, else the client's \`${c.clientDefault}\`. */`);
    out.push(`  #${c.name}(given: string | undefined, service: string): string {`);
    out.push(`    const value = given || this.contextValue(${JSON.stringify(c.clientDefault)});`);
    out.push(`    if (typeof value === 'string' && value) return value;`);
    if (c.missingError) out.push(`    throw new ${c.missingError}(service);`);
    else {
      out.push(
        `    throw new ConfigurationError(\`\${service} needs a ${c.option}: pass { ${c.option} } or give the client a ${c.clientDefault}\`);`,
      );
    }
    out.push('  }', '');
  }
  if (out.at(-1) === '') out.pop();
  out.push('}', '');

  if (withFactories) {
    const label = `${surface.className.replace(/Surface$/, '')}Client`;
    const missing = surface.registryMissingError
      ? `, { missing: () => new ${surface.registryMissingError}() }`
      : '';
    out.push(
      '/** The default client the factory functions use (a new client registers itself unless told not to). */',
    );
    out.push(
      `export const defaultClientSlot: DefaultClientRegistry<${surface.className}> = defaultClientRegistry<${surface.className}>(${JSON.stringify(label)}${missing});`,
      '',
    );
    for (const g of surface.groups) if (g.factory) out.push(...factory(g, scopeName));
  }
  return out.join('\n');
}

function isGetter(g: Group): boolean {
  return g.args.length === 0 && g.context.length === 0;
}

function groupDoc(g: Group): string[] {
  const text = g.description ? docText(g.description) : `The ${g.key} operations.`;
  return ['  /**', ...text.split('\n').map((l) => `   * ${l}`.trimEnd()), '   */'];
}

/** A group's arguments: those up to the last required one are always passed (an optional one among them
 * as `string | undefined`); the optional ones after it may be left out. */
function splitArgs(g: Group): { lead: string[]; tail: string[] } {
  let last = -1;
  g.args.forEach((a, i) => {
    if (!a.optional) last = i;
  });
  return {
    lead: g.args.slice(0, last + 1).map((a) => `${a.name}: string${a.optional ? ' | undefined' : ''}`),
    tail: g.args.slice(last + 1).map((a) => a.name),
  };
}

function overloaded(g: Group): boolean {
  return g.context.length > 0 && splitArgs(g).tail.length > 0;
}

/** The parameter lists of a group's accessor: one per overload (the trailing optional args given up to k). */
function signatures(g: Group, scopeName: string): string[] {
  const scope = g.context.length ? [`scope?: ${scopeName}`] : [];
  const { lead, tail } = splitArgs(g);
  if (!overloaded(g)) return [[...lead, ...tail.map((n) => `${n}?: string`), ...scope].join(', ')];
  const out: string[] = [];
  for (let k = 0; k <= tail.length; k++) {
    out.push([...lead, ...tail.slice(0, k).map((n) => `${n}: string | undefined`), ...scope].join(', '));
  }
  return out;
}

function scopeObject(g: Group, source: (name: string) => string, service: string): string {
  const parts = g.args.map((a) => (source(a.name) === a.name ? a.name : `${a.name}: ${source(a.name)}`));
  for (const c of g.context) {
    parts.push(`${c.name}: this.#${c.name}(scope?.${c.option}, ${JSON.stringify(service)})`);
  }
  return `{ ${parts.join(', ')} }`;
}

function accessor(g: Group, scopeName: string): string[] {
  const type = `S.${g.className}`;
  const service = g.factory ?? g.accessor;
  if (isGetter(g)) {
    return [
      ...groupDoc(g),
      `  get ${g.accessor}(): ${type} {`,
      `    this.#${g.accessor} ??= new ${type}(this, {});`,
      `    return this.#${g.accessor};`,
      '  }',
      '',
    ];
  }
  const sigs = signatures(g, scopeName);
  if (!overloaded(g)) {
    return [
      ...groupDoc(g),
      `  ${g.accessor}(${sigs[0]}): ${type} {`,
      `    return new ${type}(this, ${scopeObject(g, (n) => n, service)});`,
      '  }',
      '',
    ];
  }
  const names = g.args.map((a) => a.name);
  const optionalNames = new Set(g.args.filter((a) => a.optional).map((a) => a.name));
  return [
    ...groupDoc(g),
    ...sigs.map((s) => `  ${g.accessor}(${s}): ${type};`),
    `  ${g.accessor}(...args: (string | ${scopeName} | undefined)[]): ${type} {`,
    `    const [[${names.join(', ')}], scope] = scopeArgs<${scopeName}>(args, ${names.length});`,
    `    return new ${type}(this, ${scopeObject(g, (n) => (optionalNames.has(n) ? n : `${n} as string`), service)});`,
    '  }',
    '',
  ];
}

function factory(g: Group, scopeName: string): string[] {
  const type = `S.${g.className}`;
  const doc = [`/** \`defaultClientSlot.get().${g.accessor}\`: the group on the default client. */`];
  if (isGetter(g)) {
    return [
      ...doc,
      `export function ${g.factory}(): ${type} {`,
      `  return defaultClientSlot.get().${g.accessor};`,
      '}',
      '',
    ];
  }
  const sigs = signatures(g, scopeName);
  if (!overloaded(g)) {
    const names = [...g.args.map((a) => a.name), ...(g.context.length ? ['scope'] : [])];
    return [
      ...doc,
      `export function ${g.factory}(${sigs[0]}): ${type} {`,
      `  return defaultClientSlot.get().${g.accessor}(${names.join(', ')});`,
      '}',
      '',
    ];
  }
  const full = [
    ...g.args.map((a) => (a.optional ? 'string | undefined' : 'string')),
    `${scopeName} | undefined`,
  ];
  return [
    ...doc,
    ...sigs.map((s) => `export function ${g.factory}(${s}): ${type};`),
    `export function ${g.factory}(...args: (string | ${scopeName} | undefined)[]): ${type} {`,
    `  return defaultClientSlot.get().${g.accessor}(...(args as [${full.join(', ')}]));`,
    '}',
    '',
  ];
}
