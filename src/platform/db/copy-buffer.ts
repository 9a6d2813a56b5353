/**
 * The body of a COPY … FROM STDIN, built line by line straight into one growing Buffer (UTF-8). Each line is a
 * short-lived string, so the garbage collector has little to do; joining an array of 10,000 line strings per
 * table instead kept every line alive until the join and cost more in GC than the formatting itself.
 */
export class CopyBuffer {
  private buffer: Buffer
  private length = 0

  constructor(initialBytes = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(initialBytes)
  }

  /** Appends one line (the caller ends it with `\n`); its fields must already be COPY-escaped. */
  line(text: string): void {
    const most = text.length * 3 // UTF-8 needs at most 3 bytes per UTF-16 code unit
    if (this.length + most > this.buffer.length) this.grow(this.length + most)
    this.length += this.buffer.write(text, this.length, 'utf8')
  }

  get byteLength(): number {
    return this.length
  }

  /** The bytes written so far (a view, not a copy). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length)
  }

  private grow(needed: number): void {
    const next = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2))
    this.buffer.copy(next, 0, 0, this.length)
    this.buffer = next
  }
}
