// Byte helpers shared by the FTMS and heart-rate tests (the RSC tests keep their own copies).
import { expect } from '@open-wc/testing';

const PAD = 0xee;

/** Bytes from "07 00 03". */
export function hexBytes(hex: string): number[] {
  return hex.trim() === '' ? [] : hex.trim().split(/\s+/).map((byte) => parseInt(byte, 16));
}

/** The view sits mid-buffer between pad bytes, so a read outside it, or one ignoring byteOffset, shows up. */
export function viewOf(bytes: ArrayLike<number>, length = bytes.length): DataView {
  const buffer = new Uint8Array(3 + bytes.length + 3).fill(PAD);
  buffer.set(Array.from(bytes), 3);
  return new DataView(buffer.buffer, 3, length);
}

export const view = (hex: string): DataView => viewOf(hexBytes(hex));

export function toHex(bytes: ArrayLike<number>): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

/** Runs `parse` and returns what it threw, or null; cheaper than chai in loops of thousands. */
export function thrownBy(parse: () => unknown): unknown {
  try {
    parse();
  } catch (error) {
    return error;
  }
  return null;
}

export function expectParseError(errorClass: new (message: string) => Error, parse: () => unknown, message?: string): void {
  const caught = thrownBy(parse);
  expect(caught, `should throw ${errorClass.name}`).to.be.instanceOf(errorClass);
  expect((caught as Error).name).to.equal(errorClass.name);
  if (message !== undefined) expect((caught as Error).message).to.equal(message);
}
