import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encodeCyclingPowerMeasurement } from '../../src/ble/cycling-power-encode.js';
import { type CyclingPowerMeasurement, CyclingPowerParseError, parseCyclingPowerMeasurement } from '../../src/ble/cycling-power.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { thrownBy, toHex, viewOf } from './byte-helpers.js';
import { announcedLength, checkCyclingPowerPacket, cyclingPowerPackets } from './cycling-power-fuzz-checks.js';
import { expectedShortMessage } from './cycling-power-reference.js';
import { fuzz } from './fuzz-checks.js';

type Fields = Omit<CyclingPowerMeasurement, 'flags'>;

// Every value at the characteristic's own resolution, every field present or not: any flag combination.
const int16 = fc.integer({ min: -0x8000, max: 0x7fff });
const uint16 = fc.integer({ min: 0, max: 0xffff });
const extremes = (scale: number): fc.Arbitrary<{ max: number; min: number }> => fc.record({ max: int16.map((raw) => raw / scale), min: int16.map((raw) => raw / scale) });
const measurements: fc.Arbitrary<Fields> = fc.record({
  powerW: int16,
  pedalPowerBalancePercent: fc.option(fc.integer({ min: 0, max: 0xff }).map((raw) => raw / 2)),
  pedalPowerBalanceReference: fc.constantFrom('unknown' as const, 'left' as const),
  accumulatedTorqueNm: fc.option(uint16.map((raw) => raw / 32)),
  accumulatedTorqueSource: fc.constantFrom('wheel' as const, 'crank' as const),
  wheelRevolutions: fc.option(fc.record({ revolutions: fc.integer({ min: 0, max: 0xffffffff }), lastEventTimeS: uint16.map((raw) => raw / 2048) })),
  crankRevolutions: fc.option(fc.record({ revolutions: uint16, lastEventTimeS: uint16.map((raw) => raw / 1024) })),
  extremeForcesN: fc.option(extremes(1)),
  extremeTorquesNm: fc.option(extremes(32)),
  extremeAnglesDeg: fc.option(fc.record({ max: fc.integer({ min: 0, max: 0xfff }), min: fc.integer({ min: 0, max: 0xfff }) })),
  topDeadSpotAngleDeg: fc.option(uint16),
  bottomDeadSpotAngleDeg: fc.option(uint16),
  accumulatedEnergyKj: fc.option(uint16),
  offsetCompensation: fc.boolean(),
});

const withoutFlags = ({ flags: _flags, ...fields }: CyclingPowerMeasurement): Fields => fields;

describe('Cycling Power Measurement properties', () => {
  it('encode then parse gives back any measurement, with any flag combination', () => {
    fc.assert(
      fc.property(measurements, (fields) => {
        const bytes = encodeCyclingPowerMeasurement(fields);
        const parsed = parseCyclingPowerMeasurement(viewOf(bytes));
        expect(withoutFlags(parsed), toHex(bytes)).to.deep.equal(fields);
        expect(bytes.length).to.equal(announcedLength(parsed.flags));
      }),
      { numRuns: invariantRuns(200) },
    );
  });

  it('a valid packet cut anywhere parses only whole, else throws CyclingPowerParseError naming the cut field; extra bytes change nothing', () => {
    fc.assert(
      fc.property(measurements, fc.uint8Array({ maxLength: 6 }), (fields, extra) => {
        const bytes = encodeCyclingPowerMeasurement(fields);
        const flags = bytes[0]! | (bytes[1]! << 8);
        for (let length = 0; length < bytes.length; length++) {
          const caught = thrownBy(() => parseCyclingPowerMeasurement(viewOf(bytes, length)));
          if (!(caught instanceof CyclingPowerParseError) || caught.message !== expectedShortMessage(flags, length)) {
            expect.fail(`[${toHex(bytes.subarray(0, length))}]: expected "${expectedShortMessage(flags, length)}", got ${String(caught)}`);
          }
        }
        expect(withoutFlags(parseCyclingPowerMeasurement(viewOf([...bytes, ...extra])))).to.deep.equal(fields);
      }),
      { numRuns: invariantRuns(100) },
    );
  });

  // The test run checks 10 000 packets, `npm run bench -- invariants` 100 000 and `npm run bench -- ble-fuzz` a million.
  const RUNS = invariantRuns(10_000);
  it(`${RUNS.toLocaleString('en')} random packets: CyclingPowerParseError exactly when shorter than the flags announce, nothing else thrown`, async function () {
    this.timeout(60_000);
    // With DevTools attached every Error records the async stack; after an await it is nearly empty.
    await Promise.resolve();
    const report = fuzz(cyclingPowerPackets, checkCyclingPowerPacket, RUNS, 0x2a63);
    expect(report.failure).to.equal(null);
    expect(report.runs).to.equal(RUNS);
    // The generator must keep reaching both sides of the length boundary.
    expect(report.accepted, 'accepted').to.be.greaterThan(RUNS / 10);
    expect(report.rejected, 'rejected').to.be.greaterThan(RUNS / 10);
  });
});
