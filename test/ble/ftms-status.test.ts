import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { describeStatus, type FitnessMachineStatus, parseFitnessMachineStatus } from '../../src/ble/ftms-status.js';
import { FtmsParseError } from '../../src/ble/ftms-treadmill.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { expectParseError, thrownBy, view, viewOf } from './byte-helpers.js';

describe('Fitness Machine Status (0x2ADA)', () => {
  const rows: { hex: string; status: FitnessMachineStatus; words: string }[] = [
    { hex: '01', status: { kind: 'reset' }, words: 'The treadmill was reset.' },
    { hex: '02 01', status: { kind: 'stopped-or-paused-by-user', how: 'stop' }, words: 'The belt was stopped on the treadmill.' },
    { hex: '02 02', status: { kind: 'stopped-or-paused-by-user', how: 'pause' }, words: 'The belt was paused on the treadmill.' },
    { hex: '02', status: { kind: 'stopped-or-paused-by-user', how: null }, words: 'The belt was stopped on the treadmill.' },
    { hex: '02 07', status: { kind: 'stopped-or-paused-by-user', how: null }, words: 'The belt was stopped on the treadmill.' },
    { hex: '03', status: { kind: 'stopped-by-safety-key' }, words: 'The safety key stopped the belt.' },
    { hex: '04', status: { kind: 'started-or-resumed' }, words: 'The belt was started on the treadmill.' },
    { hex: '05 b0 04', status: { kind: 'target-speed-changed', kmh: 12 }, words: "The treadmill's speed was set to 12.00 km/h." },
    { hex: '05 ff ff', status: { kind: 'target-speed-changed', kmh: 655.35 }, words: "The treadmill's speed was set to 655.35 km/h." },
    { hex: '06 f6 ff', status: { kind: 'target-incline-changed', percent: -1 }, words: "The treadmill's incline was set to -1.0 %." },
    { hex: '06 19 00', status: { kind: 'target-incline-changed', percent: 2.5 }, words: "The treadmill's incline was set to 2.5 %." },
    { hex: 'ff', status: { kind: 'control-permission-lost' }, words: 'The treadmill took control back from the app.' },
    { hex: '0c 01', status: { kind: 'unknown', opCode: 0x0c }, words: 'The treadmill sent status 0x0c.' },
    { hex: '00', status: { kind: 'unknown', opCode: 0 }, words: 'The treadmill sent status 0x00.' },
  ];
  for (const { hex, status, words } of rows) {
    it(`${hex} → ${status.kind}: ${words}`, () => {
      const parsed = parseFitnessMachineStatus(view(hex));
      expect(parsed).to.deep.equal(status);
      expect(describeStatus(parsed)).to.equal(words);
    });
  }
  const bad = [
    { hex: '', message: 'Fitness Machine Status op code needs 1 bytes, got 0' },
    { hex: '05 b0', message: 'Fitness Machine Status target speed changed needs 3 bytes, got 2' },
    { hex: '06', message: 'Fitness Machine Status target incline changed needs 3 bytes, got 1' },
  ];
  for (const { hex, message } of bad) {
    it(`refuses "${hex}": ${message}`, () => expectParseError(FtmsParseError, () => parseFitnessMachineStatus(view(hex)), message));
  }
});

describe('Fitness Machine Status: properties', () => {
  const le16 = (value: number): number[] => [value & 0xff, (value >> 8) & 0xff];
  const statuses: fc.Arbitrary<[number[], FitnessMachineStatus]> = fc.oneof(
    fc.constant<[number[], FitnessMachineStatus]>([[1], { kind: 'reset' }]),
    fc.constantFrom<'stop' | 'pause'>('stop', 'pause').map((how): [number[], FitnessMachineStatus] => [[2, how === 'stop' ? 1 : 2], { kind: 'stopped-or-paused-by-user', how }]),
    fc.constant<[number[], FitnessMachineStatus]>([[3], { kind: 'stopped-by-safety-key' }]),
    fc.constant<[number[], FitnessMachineStatus]>([[4], { kind: 'started-or-resumed' }]),
    fc.integer({ min: 0, max: 0xffff }).map((raw): [number[], FitnessMachineStatus] => [[5, ...le16(raw)], { kind: 'target-speed-changed', kmh: raw / 100 }]),
    fc.integer({ min: -0x8000, max: 0x7fff }).map((raw): [number[], FitnessMachineStatus] => [[6, ...le16(raw)], { kind: 'target-incline-changed', percent: raw / 10 }]),
    fc.constant<[number[], FitnessMachineStatus]>([[0xff], { kind: 'control-permission-lost' }]),
    fc.integer({ min: 7, max: 0xfe }).map((op): [number[], FitnessMachineStatus] => [[op], { kind: 'unknown', opCode: op }]),
  );

  it('every status built from its fields reads back the same, with any trailing bytes', () => {
    fc.assert(
      fc.property(statuses, fc.uint8Array({ maxLength: 4 }), ([bytes, status], tail) => {
        expect(parseFitnessMachineStatus(viewOf([...bytes, ...tail]))).to.deep.equal(status);
      }),
      { numRuns: invariantRuns(300) },
    );
  });

  it('random bytes: a status or FtmsParseError, exactly when too short for its op code', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5 }), fc.constantFrom(-1, 5, 6), (bytes, op) => {
        if (op >= 0 && bytes.length > 0) bytes[0] = op;
        const caught = thrownBy(() => parseFitnessMachineStatus(viewOf(bytes)));
        const short = bytes.length === 0 || ((bytes[0] === 5 || bytes[0] === 6) && bytes.length < 3);
        if (short) expect(caught).to.be.instanceOf(FtmsParseError);
        else expect(caught).to.equal(null);
      }),
      { numRuns: invariantRuns(500) },
    );
  });
});
