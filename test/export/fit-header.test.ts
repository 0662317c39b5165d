import { expect } from '@open-wc/testing';
import { hasFitHeader } from '../../src/export/fit-header.js';

const header = (size: number, signature: string): Uint8Array =>
  new Uint8Array([size, 0x20, 0, 0, 0, 0, 0, 0, ...Array.from(signature, (c) => c.charCodeAt(0)), 0, 0]);

describe('hasFitHeader', () => {
  const rows: Array<[string, Uint8Array, boolean]> = [
    ['14-byte header with .FIT', header(14, '.FIT'), true],
    ['12-byte header with .FIT', header(12, '.FIT').subarray(0, 12), true],
    ['a header size FIT does not use', header(13, '.FIT'), false],
    ['another signature', header(14, '.FTI'), false],
    ['XML', new TextEncoder().encode('<?xml version="1.0"?>'), false],
    ['nothing', new Uint8Array(0), false],
    // Cut inside the header: what is there matches, so it reads as a truncated FIT file.
    ['cut after 10 bytes', header(14, '.FIT').subarray(0, 10), true],
    ['cut after 10 bytes, wrong so far', header(14, '.X').subarray(0, 10), false],
    ['cut after 1 byte', new Uint8Array([14]), true],
  ];
  for (const [what, bytes, expected] of rows) {
    it(`${what}: ${expected}`, () => expect(hasFitHeader(bytes)).to.equal(expected));
  }
});
