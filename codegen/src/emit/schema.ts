import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenApiDocument } from '../load.ts';

/** schema.gen.ts: the spec's types (paths, operations, components) from openapi-typescript. */
export async function emitSchema(document: OpenApiDocument): Promise<string> {
  // openapi-typescript mutates its input; give it a copy. `defaultNonNullable: false`: a request field
  // with a server-side default stays optional for the caller.
  const ast = await openapiTS(structuredClone(document) as never, {
    alphabetize: false,
    silent: true,
    defaultNonNullable: false,
  });
  return astToString(ast);
}
