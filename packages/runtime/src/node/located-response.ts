/** Where a Response came from: the URL it was finally read from, and whether redirects led there. */
export interface ResponseOrigin {
  readonly url: string;
  readonly redirected: boolean;
}

const NOWHERE: ResponseOrigin = { url: '', redirected: false };

/**
 * A Response that reports its URL and `redirected` as fetch's own Responses do (one built with
 * `new Response()` has `url` ''). Getters on a subclass, not `Object.defineProperty` on each instance, which
 * would turn every Response into a slow dictionary-mode object.
 */
export class LocatedResponse extends Response {
  readonly #origin: ResponseOrigin;

  constructor(body: BodyInit | null, init: ResponseInit, origin: ResponseOrigin = NOWHERE) {
    super(body, init);
    this.#origin = origin;
  }

  override get url(): string {
    return this.#origin.url;
  }

  override get redirected(): boolean {
    return this.#origin.redirected;
  }
}
