import { readEnv } from './env.js';
import { scrubText } from './redact.js';

/** How much the request log says, from `'off'` to `'debug'` (each level includes the ones before it). */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Where log lines go. `console` fits; so does a thin adapter over pino or winston. */
export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

/** Settings of the request log: level, destination, and the environment variable that can set the level. */
export interface LogOptions {
  /** How much to log. @default the environment variable's value, else `'off'` */
  level?: LogLevel | undefined;
  /** @default console */
  logger?: Logger | undefined;
  /** The environment variable that sets the level when `level` is not given. @default 'SDKFORGE_LOG' */
  env?: string | undefined;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** The level in force: the option, else the environment variable (`debug`, `info`, …, `1`/`true` = info). Pure. */
export function resolveLogLevel(option: LogLevel | undefined, envValue: string | undefined): LogLevel {
  if (option) return option;
  const value = envValue?.trim().toLowerCase();
  if (!value) return 'off';
  if (value in RANK) return value as LogLevel;
  return value === '1' || value === 'true' || value === 'yes' ? 'info' : 'off';
}

/** A leveled log whose messages have bearer/basic credentials scrubbed out. */
export class Log {
  readonly level: LogLevel;
  readonly #logger: Logger;

  constructor(options: LogOptions = {}) {
    this.level = resolveLogLevel(options.level, readEnv(options.env ?? 'SDKFORGE_LOG'));
    this.#logger = options.logger ?? console;
  }

  /** True when lines of this level are written. */
  enabled(level: Exclude<LogLevel, 'off'>): boolean {
    return RANK[level] <= RANK[this.level];
  }

  write(level: Exclude<LogLevel, 'off'>, message: string, fields?: Record<string, unknown>): void {
    if (this.enabled(level)) this.#logger[level](`[sdkforge] ${scrubText(message, [])}`, fields);
  }
}
