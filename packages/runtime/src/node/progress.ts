/** Download progress: bytes so far, the expected total when known, and the current rate in bytes/s. */
export interface DownloadProgress {
  received: number;
  total: number | undefined;
  rate: number;
}

/**
 * Turns byte counts into throttled progress reports. The rate is measured over the last `window` ms, from
 * the counts at previous reports (a call between reports costs one comparison). Pure: the time is passed in.
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

  /** Reports the count at `now` when a report is due (or `force`), else returns `undefined` at once. */
  sample(
    now: number,
    received: number,
    total: number | undefined,
    force = false,
  ): DownloadProgress | undefined {
    if (!force && now - this.#lastEmit < this.#interval) return undefined;
    this.#lastEmit = now;
    this.#samples.push({ at: now, received });
    while (this.#samples.length > 2 && (this.#samples[1] as { at: number }).at <= now - this.#window) {
      this.#samples.shift();
    }
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
