/**
 * Names for the statements Semesta sends over and over, so a PostgreSQL server parses each once per connection and
 * may keep its plan (pg sends `Parse` only the first time a connection sees a name). Parsing and planning are a large
 * share of what a short statement costs the server: pgbench -S does about twice the transactions per second with
 * prepared statements as without, here. A text gets a name the third time it is seen, so one-off texts (reports,
 * DDL) stay unnamed; the table is bounded, so texts built with a varying number of rows cannot grow it (or a
 * backend's memory) without end.
 *
 * Only for server PostgreSQL with one search_path per connection: the embedded engine shares one session among all
 * connections (a name would clash), and the tests' per-transaction `SET LOCAL search_path` would bind a name to
 * another schema's tables.
 */
export class StatementNames {
  readonly #names = new Map<string, string>()
  readonly #seen = new Map<string, number>()

  constructor(
    private readonly limits = { names: 2_000, tracked: 20_000, maxLength: 16_384, seenBeforeNaming: 2 },
  ) {}

  /** The name to send `text` under, or undefined to send it unnamed. */
  nameOf(text: string): string | undefined {
    const known = this.#names.get(text)
    if (known !== undefined) return known
    if (text.length > this.limits.maxLength || this.#names.size >= this.limits.names) return undefined
    const seen = this.#seen.get(text) ?? 0
    if (seen < this.limits.seenBeforeNaming) {
      if (seen > 0 || this.#seen.size < this.limits.tracked) this.#seen.set(text, seen + 1)
      return undefined
    }
    this.#seen.delete(text)
    const name = `semesta_${this.#names.size + 1}`
    this.#names.set(text, name)
    return name
  }

  get size(): number {
    return this.#names.size
  }
}
