/**
 * Every server operation is reachable from the seed's service layer: each service method is called
 * once against the fake client, and the operations the fake received must be all of the spec's.
 */

import type { Policy } from '@sdkforge/runtime';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { operationIndex } from '../src/index.js';
import { FakeValentinaClient } from '../src/testing/index.js';
import { responseSchema } from '../src/testing/router.js';
import { serviceCalls as calls } from './service-calls.ts';

describe('the service layer reaches every operation', () => {
  let fake: FakeValentinaClient | undefined;
  afterEach(async () => {
    await fake?.close();
  });

  it.each(calls)('%s', async (_, call) => {
    fake = new FakeValentinaClient();
    await call(fake);
    expect(fake.requests.length).toBeGreaterThan(0);
  });

  it("covers every operation of the spec, and the fake's answers match each operation's response schema", async () => {
    const answers: [string, Response][] = [];
    const capture: Policy = (next) => async (request, context) => {
      const response = await next(request, context);
      answers.push([context.operationId, response.clone()]);
      return response;
    };
    fake = new FakeValentinaClient({ policies: [capture] });
    for (const [, call] of calls) await call(fake);
    const seen = new Set(answers.map(([id]) => id));
    const missing = operationIndex.map((o) => o.operationId).filter((id) => !seen.has(id));
    expect(missing).toEqual([]);
    console.log(
      `[services] operations reached from the service layer: ${seen.size}/${operationIndex.length}`,
    );

    let checked = 0;
    for (const [operationId, response] of answers) {
      if (response.headers.get('content-type') !== 'application/json') continue;
      checked += 1;
      const result = v.safeParse(responseSchema(operationId) as v.GenericSchema, await response.json());
      expect(result.issues?.map((i) => `${operationId}: ${v.getDotPath(i)} ${i.message}`) ?? []).toEqual([]);
    }
    expect(checked).toBeGreaterThan(200);
  });
});
