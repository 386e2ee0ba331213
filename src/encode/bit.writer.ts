/**
 * Least-significant-bit-first bit output into a growing byte buffer: how deflate and GIF's
 * LZW both pack their codes.
 */
export class BitWriter {
  private out: Uint8Array;
  private length = 0;
  private acc = 0;
  private bits = 0;

  constructor(capacity: number) {
    this.out = new Uint8Array(Math.max(64, capacity));
  }

  /** Appends the low `count` bits of `value` (count ≤ 24). */
  write(value: number, count: number): void {
    this.acc |= value << this.bits;
    this.bits += count;
    while (this.bits >= 8) {
      this.push(this.acc & 0xff);
      this.acc >>>= 8;
      this.bits -= 8;
    }
  }

  /** Pads with zero bits to the next byte boundary. */
  align(): void {
    if (this.bits === 0) return;
    this.push(this.acc & 0xff);
    this.acc = 0;
    this.bits = 0;
  }

  /** The bytes written, the last one padded with zero bits. */
  finish(): Uint8Array {
    this.align();
    return this.out.subarray(0, this.length);
  }

  private push(byte: number): void {
    if (this.length === this.out.length) {
      const bigger = new Uint8Array(this.out.length * 2);
      bigger.set(this.out);
      this.out = bigger;
    }
    this.out[this.length++] = byte;
  }
}
