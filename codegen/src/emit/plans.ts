import { propertyKey } from '../names.ts';
import type { Group } from '../surface.ts';
import { descriptor } from './operations.ts';
import { plan } from './services.ts';

/** The file of one group's plans: `plans.<group>.gen.ts`. */
export function plansFile(group: Group): string {
  return `plans.${group.key}.gen.ts`;
}

/**
 * plans.<group>.gen.ts: the method plans of one service class, with the descriptors of its operations and
 * the valibot schemas that check their input (copied from validators.gen.ts, only the ones they need). The
 * service loads this module the first time one of its methods is called, so a bundle carries the plans and
 * validators of the groups it calls, not of every group.
 */
export function emitPlans(group: Group, validators: string, validatorNames: Set<string>): string {
  const ops = [...new Map(group.methods.map((m) => [m.op.operationId, m.op])).values()];
  const descriptors = ops.map((op) => [op.operationId, descriptor(op, validatorNames, '')] as const);
  const statements = validatorStatements(validators);
  const wanted = new Set<string>();
  const visit = (name: string) => {
    if (wanted.has(name)) return;
    const statement = statements.get(name);
    if (statement === undefined) return;
    wanted.add(name);
    for (const dep of statement.deps) visit(dep);
  };
  for (const [, text] of descriptors)
    for (const m of text.matchAll(/: (v[A-Z]\w*)\b/g)) visit(m[1] as string);

  const out: string[] = [];
  out.push(`import type { MethodPlan, OperationDescriptor } from '@sdkforge/runtime';`);
  if (wanted.size) out.push(`import * as v from 'valibot';`);
  out.push('');
  // In the order of validators.gen.ts, where a schema comes after the ones it uses.
  for (const [name, statement] of statements) {
    if (wanted.has(name)) out.push(statement.text.replace(/^export const /m, 'const '), '');
  }
  out.push(`/** The descriptors of the ${group.className} operations. */`);
  out.push('const O = {');
  for (const [id, text] of descriptors) out.push(`  ${propertyKey(id)}: ${text},`);
  out.push('} as const satisfies Record<string, OperationDescriptor>;', '');
  out.push(`/** How each ${group.className} method maps onto its operation. */`);
  out.push('export const plans: Readonly<Record<string, MethodPlan>> = {');
  for (const m of group.methods) out.push(`  ${propertyKey(m.name)}: ${plan(m)},`);
  out.push('};', '');
  return out.join('\n');
}

interface Statement {
  text: string;
  deps: Set<string>;
}

/** The `export const vX = …` statements of a validators.gen.ts text (with their doc comments), by name. */
export function validatorStatements(validators: string): Map<string, Statement> {
  const blocks = validators.split(/\n\n+/);
  const names = new Set<string>();
  const found: [string, string][] = [];
  for (const block of blocks) {
    const m = /^export const (\w+) = /m.exec(block);
    if (!m) continue;
    names.add(m[1] as string);
    found.push([m[1] as string, block.trimEnd()]);
  }
  const out = new Map<string, Statement>();
  for (const [name, text] of found) {
    const body = text.slice(text.indexOf('export const '));
    const deps = new Set<string>();
    for (const m of body.matchAll(/\b(v[A-Z]\w*)\b/g)) {
      const dep = m[1] as string;
      if (dep !== name && names.has(dep)) deps.add(dep);
    }
    out.set(name, { text, deps });
  }
  return out;
}
