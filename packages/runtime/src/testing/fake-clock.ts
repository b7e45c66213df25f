import type { Clock } from '../clock.js';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

export interface FakeClockOptions {
  /** Start time, ms since the epoch. @default 2026-01-01T00:00:00Z */
  now?: number;
  /**
   * `true`: every `sleep()` moves time forward at once by its duration (retry sequences run instantly).
   * `false`: sleeps and timers wait for `advance()`. @default true
   */
  autoAdvance?: boolean;
}

/**
 * A {@link Clock} under the test's control: `now()` moves only when told, `sleep()` returns at once (and moves
 * time) or waits for `advance()`, timers fire as time passes them. `sleeps` records every wait asked for.
 */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  readonly autoAdvance: boolean;
  #now: number;
  #timers: Timer[] = [];
  #seq = 0;

  constructor(options: FakeClockOptions = {}) {
    this.#now = options.now ?? Date.UTC(2026, 0, 1);
    this.autoAdvance = options.autoAdvance ?? true;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      let cancel = () => {};
      const onAbort = () => {
        cancel();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      if (this.autoAdvance) {
        queueMicrotask(() => {
          if (signal?.aborted) return;
          this.advance(ms);
          done();
        });
      } else {
        cancel = this.setTimer(done, ms);
      }
    });
  }

  setTimer(fn: () => void, ms: number): () => void {
    const timer: Timer = { at: this.#now + Math.max(0, ms), seq: this.#seq++, fn };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward, firing every timer it passes, in order. */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#now = Math.max(this.#now, due.at);
      due.fn();
    }
    this.#now = target;
  }

  /** Timers (and non-auto sleeps) waiting to fire. */
  get pendingTimers(): number {
    return this.#timers.length;
  }
}

export function fakeClock(options?: FakeClockOptions): FakeClock {
  return new FakeClock(options);
}
