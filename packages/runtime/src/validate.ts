import * as v from 'valibot';
import { RequestValidationError, type ValidationIssue } from './errors.js';

/** The generated valibot schemas of one operation's input, by part. */
export interface InputSchemas {
  path?: v.GenericSchema;
  query?: v.GenericSchema;
  headers?: v.GenericSchema;
  body?: v.GenericSchema;
}

export interface InputParts {
  path?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
  headers?: Record<string, unknown> | undefined;
  body?: unknown;
}

/** Checks every part of the input; throws one RequestValidationError listing every issue found. */
export function validateInput(operationId: string, schemas: InputSchemas, input: InputParts): void {
  const issues: ValidationIssue[] = [];
  for (const part of ['path', 'query', 'headers', 'body'] as const) {
    const schema = schemas[part];
    if (!schema) continue;
    const value = part === 'body' ? input.body : (input[part] ?? {});
    if (part === 'body' && value === undefined) continue;
    const result = v.safeParse(schema, value);
    if (result.success) continue;
    for (const issue of result.issues) {
      const at = v.getDotPath(issue);
      issues.push({ path: at ? `${part}.${at}` : part, message: issue.message });
    }
  }
  if (issues.length) throw new RequestValidationError(operationId, issues);
}
