import { expect } from '@open-wc/testing';
import { columnsFrom, emptyColumns } from '../../src/session/recorded-columns.js';
import { SAMPLE_RUNNING, type SessionMeta, type SessionSummary } from '../../src/session/recorded-session.js';
import { GapCursor } from '../../src/session/gap-steps.js';
import { summarizeSamples, summaryOf } from '../../src/session/session-summary.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

const R = SAMPLE_RUNNING;
// t, speed, cadence, distance, flags
const run = columnsFrom(
  (
    [
      [0, 3, 170, 0, R],
      [1, 3, 170, 3, R],
      [2, 3.5, 180, 6.5, R],
      [3, 3.5, 182, 10, R],
      [6, 2, 150, 10, R], // after a pause from 3 to 6
      [7, 2, 0, 12, 0], // walking, no cadence
      [8, 3, 165, 15, R],
      [11.5, 3, 172, 25, R], // 3.5 s after the previous sample with no gap: all of it counts, 2.5 s held at 165, 1 s at 172
    ] as const
  ).map(([t, speedMps, cadence, distanceM, flags]) => ({ t, speedMps, cadence, strideLengthM: 1, distanceM, flags })),
);
const pause = [{ fromT: 3, toT: 6, reason: 'paused' as const }];

describe('summarizeSamples', () => {
  it('adds up a small run by hand: a pause counts no time, a step with no gap counts all of it', () => {
    const totals = summarizeSamples(run, defaultCadenceZones, pause);
    expect(totals.movingS).to.equal(8.5);
    expect(totals.elapsedS).to.equal(11.5);
    expect(totals.distanceM).to.equal(25);
    expect(totals.avgSpeedMps).to.equal(25 / 8.5);
    expect(totals.sampleCount).to.equal(8);
    // cadence 0 counts in no zone; a step longer than live sampling (8 → 11.5 s) is a watch's
    // smart recording: the sample before it held for all but its last second (gap-steps.ts)
    expect(totals.zoneTimes).to.deep.equal({ low: 0, building: 3.5, target: 3, high: 1 });
    // (170 + 180 + 182 + 165 + 172) × 1 s + 165 × 2.5 s over 7.5 running seconds
    expect(totals.avgCadence).to.be.closeTo((170 + 180 + 182 + 165 + 172 + 165 * 2.5) / 7.5, 1e-9);
    expect(totals.cadenceBySpeedBand).to.deep.equal({
      6: { seconds: 5.5, cadenceSeconds: 170 + 165 * 3.5 + 172 },
      7: { seconds: 2, cadenceSeconds: 180 + 182 },
    });
  });

  it('counts the step across a pause when it is not told about the gap', () => {
    const totals = summarizeSamples(run, defaultCadenceZones);
    expect(totals.movingS).to.equal(11.5);
    // the 3 s step from 3 to 6: 2 s held at 182 (high), its last second at 150 (low)
    expect(totals.zoneTimes.low).to.equal(1);
    expect(totals.zoneTimes.high).to.equal(3);
    expect(totals.cadenceBySpeedBand[4]).to.deep.equal({ seconds: 1, cadenceSeconds: 150 });
  });

  it('counts zones with the zones it is given', () => {
    const totals = summarizeSamples(run, { buildingFrom: 100, targetFrom: 160, targetTo: 200 }, pause);
    expect(totals.zoneTimes).to.deep.equal({ low: 0, building: 0, target: 7.5, high: 0 });
  });

  it('gives zeros, not NaN, for no samples and for one sample', () => {
    const empty = summarizeSamples(emptyColumns(), defaultCadenceZones);
    expect(empty).to.deep.equal({
      movingS: 0,
      elapsedS: 0,
      distanceM: 0,
      avgSpeedMps: 0,
      avgCadence: 0,
      zoneTimes: { low: 0, building: 0, target: 0, high: 0 },
      cadenceBySpeedBand: {},
      runningCadence: {},
      runningCadenceByBand: {},
      sampleCount: 0,
    });
    const one = summarizeSamples(columnsFrom([{ t: 0, speedMps: 3, cadence: 170, strideLengthM: 1, distanceM: 0, flags: R }]), defaultCadenceZones);
    expect(one.sampleCount).to.equal(1);
    expect(one.avgSpeedMps).to.equal(0);
    expect(one.avgCadence).to.equal(0);
  });
});

describe('GapCursor', () => {
  it('finds steps that overlap a gap, asked in time order, whatever order the gaps came in', () => {
    const cursor = new GapCursor([
      { fromT: 10, toT: 20, reason: 'link-lost' },
      { fromT: 3, toT: 5, reason: 'paused' },
    ]);
    const steps: [number, number][] = [[0, 1], [1, 3], [3, 5], [5, 6], [9, 11], [11, 12], [19, 21], [21, 22]];
    expect(steps.map(([a, b]) => cursor.overlaps(a, b))).to.deep.equal([false, false, true, false, true, true, true, false]);
  });
});

describe('summaryOf', () => {
  it('keeps exactly the SessionSummary fields, so the history index never carries laps or gaps', () => {
    const totals = summarizeSamples(run, defaultCadenceZones, pause);
    const meta: SessionMeta = {
      id: 'a',
      startedAt: 1_700_000_000_000,
      name: 'Run',
      notes: 'easy',
      deviceName: 'Pod',
      origin: 'simulator',
      status: 'complete',
      ...totals,
      zones: { ...defaultCadenceZones },
      laps: [5],
      gaps: pause,
      schemaVersion: 2,
    };
    const summary: SessionSummary = summaryOf(meta);
    expect(Object.keys(summary).sort()).to.deep.equal(
      [
        'id', 'startedAt', 'name', 'notes', 'deviceName', 'origin', 'status', 'movingS', 'elapsedS', 'distanceM',
        'avgSpeedMps', 'avgCadence', 'zoneTimes', 'zones', 'cadenceBySpeedBand', 'runningCadence',
        'runningCadenceByBand', 'sampleCount',
      ].sort(),
    );
    const { laps: _laps, gaps: _gaps, schemaVersion: _version, ...rest } = meta;
    expect(summary).to.deep.equal(rest);
  });
});
