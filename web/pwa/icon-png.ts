import { crc32, deflateSync } from 'node:zlib'

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

/** Distance from point p to the segment a–b. */
function toSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

/**
 * The app icon as a PNG, drawn here so no binary sits in the repository: Semesta's green square (full bleed, so it
 * also serves as a maskable icon) with the white check of the staff app's favicon inside the safe zone.
 */
export function iconPng(size: number): Buffer {
  const green = [0x0b, 0x6e, 0x4f]
  const stride = size * 3 + 1
  const raw = Buffer.alloc(stride * size)
  const u = size / 32
  for (let y = 0; y < size; y++) {
    raw[y * stride] = 0
    for (let x = 0; x < size; x++) {
      const cx = x / u
      const cy = y / u
      const d = Math.min(toSegment(cx, cy, 10, 17, 14.5, 21.5), toSegment(cx, cy, 14.5, 21.5, 22.5, 11.5))
      const colour = d <= 1.6 ? [255, 255, 255] : green
      raw.set(colour, y * stride + 1 + x * 3)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}
