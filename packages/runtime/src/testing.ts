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
