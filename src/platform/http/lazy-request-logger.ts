import type { FastifyBaseLogger } from 'fastify'
import type { Bindings, ChildLoggerOptions, Level, Logger } from 'pino'

/**
 * A request's logger that makes its pino child (with the request id) only when a line is actually written. pino
 * passes child bindings through the redaction of personal keys, which cost ~10 µs per request on the hot read paths
 * (the KPJ look-up, SNAP) where a successful request writes no line at the default level (QuietRequestLog).
 * Lines that are written are exactly those of `parent.child(bindings, options)`. A class, so that a request costs one
 * small object and no closures.
 */
class LazyRequestLogger {
  #child: Logger | undefined
  readonly #parent: Logger
  readonly #bindings: Bindings
  readonly #options: ChildLoggerOptions

  constructor(parent: Logger, bindings: Bindings, options: ChildLoggerOptions) {
    this.#parent = parent
    this.#bindings = bindings
    this.#options = options
  }

  #real(): Logger {
    return (this.#child ??= this.#parent.child(this.#bindings, this.#options))
  }

  #write(level: Level, args: unknown[]): void {
    if ((this.#child ?? this.#parent).isLevelEnabled(level)) (this.#real()[level] as (...a: unknown[]) => void)(...args)
  }

  get level(): string {
    return (this.#child ?? this.#parent).level
  }

  set level(value: string) {
    this.#real().level = value
  }

  isLevelEnabled(level: string): boolean {
    return (this.#child ?? this.#parent).isLevelEnabled(level)
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): Logger {
    return this.#real().child(bindings, options)
  }

  bindings(): Bindings {
    return this.#real().bindings()
  }

  silent(): void {}
  fatal(...args: unknown[]): void { this.#write('fatal', args) }
  error(...args: unknown[]): void { this.#write('error', args) }
  warn(...args: unknown[]): void { this.#write('warn', args) }
  info(...args: unknown[]): void { this.#write('info', args) }
  debug(...args: unknown[]): void { this.#write('debug', args) }
  trace(...args: unknown[]): void { this.#write('trace', args) }
}

/** Fastify's `childLoggerFactory`: the lazy logger, or the real child when the route sets its own level. */
export function lazyRequestLogger(base: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  // a route with its own log level needs the real child at once (its level differs from the parent's); so does a non-pino logger
  if (options.level !== undefined || typeof (base as Partial<Logger>).isLevelEnabled !== 'function') return base.child(bindings, options)
  return new LazyRequestLogger(base as unknown as Logger, bindings, options) as unknown as FastifyBaseLogger
}
