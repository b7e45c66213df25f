import { LocatedResponse, type ResponseOrigin } from './located-response.js';

const decoder = new TextDecoder();

/**
 * A Response whose body is already in memory. It is a real `Response` (status, headers, url, `instanceof`), but
 * `text()`, `json()`, `arrayBuffer()`, `bytes()` read the bytes directly instead of going through a web
 * stream, which costs more than the rest of a small JSON call. `body` still gives a ReadableStream, made on
 * first use; reading the body twice fails as it does on any Response.
 */
export class BufferedResponse extends LocatedResponse {
  readonly #bytes: Uint8Array;
  #stream: ReadableStream<Uint8Array> | undefined;
  #used = false;

  constructor(bytes: Uint8Array, init: ResponseInit, origin?: ResponseOrigin) {
    super(null, init, origin);
    this.#bytes = bytes;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#bytes.length === 0 && !this.#stream) return null;
    this.#stream ??= new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#used = true;
        controller.enqueue(this.#bytes);
        controller.close();
      },
    });
    return this.#stream as ReadableStream<Uint8Array<ArrayBuffer>>;
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#stream?.locked ?? false);
  }

  #take(): Uint8Array {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes;
  }

  override async text(): Promise<string> {
    return decoder.decode(this.#take());
  }

  override async json(): Promise<unknown> {
    return JSON.parse(decoder.decode(this.#take()));
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#take().slice().buffer as ArrayBuffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#take().slice() as Uint8Array<ArrayBuffer>;
  }

  override async blob(): Promise<Blob> {
    return new Blob([this.#take() as Uint8Array<ArrayBuffer>], {
      type: this.headers.get('content-type') ?? '',
    });
  }

  override async formData(): Promise<FormData> {
    const bytes = this.#take() as Uint8Array<ArrayBuffer>;
    return new Response(bytes, { headers: this.headers }).formData();
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    return new BufferedResponse(this.#bytes, this, { url: this.url, redirected: this.redirected });
  }
}
