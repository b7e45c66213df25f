/**
 * `@sdkforge/valentina/testing`: a fake client for the tests of code that uses the SDK, and factories for
 * every model of the API. The fake server is the runtime's spec-driven one, fed with this SDK's generated
 * operation index and validators.
 */

export {
  type Factory,
  FakeClock,
  fakeClock,
  networkError,
  type RouteMatch,
  sample,
  uuidOf,
} from '@sdkforge/runtime/testing';
export * from './fake-client.js';
