/** Download progress: bytes so far, the expected total when known, and the current rate in bytes/s. */
export interface DownloadProgress {
  received: number;
  total: number | undefined;
  rate: number;
}

/**
 * Turns byte counts into throttled progress reports. The rate is measured over the last `window` ms.
 * Pure apart from the clock reading passed in.
 */
export class ProgressMeter {
  readonly #interval: number;
  readonly #window: number;
  #lastEmit = Number.NEGATIVE_INFINITY;
  #samples: { at: number; received: number }[] = [];

  constructor(options: { interval?: number; window?: number } = {}) {
    this.#interval = options.interval ?? 100;
    this.#window = options.window ?? 1_000;
  }

  /** Records the count at `now`; returns a report when one is due (or `force`), else `undefined`. */
  sample(
    now: number,
    received: number,
    total: number | undefined,
    force = false,
  ): DownloadProgress | undefined {
    this.#samples.push({ at: now, received });
    while (this.#samples.length > 2 && (this.#samples[1] as { at: number }).at <= now - this.#window) {
      this.#samples.shift();
    }
    if (!force && now - this.#lastEmit < this.#interval) return undefined;
    this.#lastEmit = now;
    const first = this.#samples[0] as { at: number; received: number };
    const elapsed = now - first.at;
    const rate = elapsed > 0 ? Math.round(((received - first.received) * 1000) / elapsed) : 0;
    return { received, total, rate };
  }

  /** Forgets the samples (after a restart from zero the rate would be negative). */
  reset(): void {
    this.#samples = [];
  }
}
