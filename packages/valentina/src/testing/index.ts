/**
 * `@sdkforge/valentina/testing`: a fake client for the tests of code that uses the SDK, and
 * factories for every model of the API.
 */

export { FakeClock, fakeClock, networkError } from '@sdkforge/runtime/testing';
export { type Factories, type Factory, factories, schemaOf } from './factories.js';
export {
  FAKE_API_KEY,
  FAKE_BASE_URL,
  FAKE_COMPANY_ID,
  type FakeClientOptions,
  FakeValentinaClient,
} from './fake-client.js';
export type {
  FakeError,
  FakeResponse,
  OperationId,
  RecordedRequest,
  ResponseBody,
  ResponseItem,
  RouteHandler,
  RouteMatch,
} from './router.js';
export { sample, uuidOf } from './sample.js';
