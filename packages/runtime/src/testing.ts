/** Test helpers: a routed mock fetch that records requests, and a clock tests control (no real sleeping). */
export { FakeClock, type FakeClockOptions, fakeClock } from './testing/fake-clock.js';
export {
  jsonResponse,
  type MockFetch,
  type MockReply,
  type MockResponse,
  type MockRoute,
  mockFetch,
  networkError,
  type RecordedRequest,
} from './testing/mock-fetch.js';
export { SampleSequence, sample, uuidOf } from './testing/sample.js';
export {
  createFactories,
  type Factory,
  type RouteMatch,
  type SpecError,
  SpecFake,
  type SpecFakeOptions,
  type SpecHandler,
  type SpecOperation,
  type SpecRequest,
  type SpecResponse,
  schemaIn,
} from './testing/spec-fake.js';
