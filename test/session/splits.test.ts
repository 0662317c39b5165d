import { expect } from '@open-wc/testing';
import { columnsFrom, emptyColumns } from '../../src/session/recorded-columns.js';
import { type RecordedSample, SAMPLE_RUNNING } from '../../src/session/recorded-session.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { type Split, distanceSplits, lapSplits } from '../../src/session/splits.js';
import { formatDistanceIn, formatPace, paceSeconds } from '../../src/session/units.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { decodeFit } from '../../src/export/fit-decode.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import fc from 'fast-check';
import { fitFileOf, runRecord, timerEvent } from '../support/fit-messages.js';
import { invariantRuns } from '../support/invariant-runs.js';

const sample = (t: number, distanceM: number, over: Partial<RecordedSample> = {}): RecordedSample => ({
  t,
  speedMps: 3,
  cadence: 180,
  strideLengthM: 1,
  distanceM,
  flags: SAMPLE_RUNNING,
  ...over,
});

/** Constant speed at 1 Hz from 0 to `totalM`, with a last sample exactly at the end. */
function steady(speedMps: number, totalM: number): RecordedSample[] {
  const rows: RecordedSample[] = [];
  for (let t = 0; t * speedMps < totalM; t++) rows.push(sample(t, t * speedMps, { speedMps }));
  rows.push(sample(totalM / speedMps, totalM, { speedMps }));
  return rows;
}

const pick = (splits: Split[], key: keyof Split) => splits.map((s) => s[key]);
const close = (actual: unknown[], expected: number[]) => {
  expect(actual.length).to.equal(expected.length);
  actual.forEach((a, i) => expect(a as number, `#${i}`).to.be.closeTo(expected[i]!, 1e-9));
};

describe('distanceSplits', () => {
  it('cuts a steady 3 m/s 2500 m run into 1000, 1000 and 500 m, crossing times interpolated', () => {
    const splits = distanceSplits(columnsFrom(steady(3, 2500)), 'km');
    expect(pick(splits, 'index')).to.deep.equal([0, 1, 2]);
    expect(pick(splits, 'label')).to.deep.equal(['1 km', '2 km', '2.50 km']);
    expect(pick(splits, 'distanceM')).to.deep.equal([1000, 1000, 500]);
    expect(splits[0]!.startT).to.equal(0);
    close(pick(splits, 'endT'), [1000 / 3, 2000 / 3, 2500 / 3]);
    close(pick(splits, 'startT').slice(1), [1000 / 3, 2000 / 3]);
    close(pick(splits, 'durationS'), [1000 / 3, 1000 / 3, 500 / 3]);
    close(pick(splits, 'avgSpeedMps'), [3, 3, 3]);
    close(pick(splits, 'avgCadence'), [180, 180, 180]);
    close(pick(splits, 'avgStrideM'), [1, 1, 1]);
  });

  it('shares the step that crosses a mark between the two splits in proportion', () => {
    const rows = [
      sample(0, 0, { cadence: 150, strideLengthM: 0.5 }),
      sample(1, 400, { cadence: 160, strideLengthM: 1 }),
      sample(2, 900, { cadence: 170, strideLengthM: 1.25 }),
      sample(3, 1200, { cadence: 180, strideLengthM: 1.5 }), // 1000 m is a third of the way from t 2 to 3
      sample(4, 1500, { cadence: 190, strideLengthM: 1.75 }),
    ];
    const [first, second, ...rest] = distanceSplits(columnsFrom(rows), 'km');
    expect(rest).to.deep.equal([]);
    expect(first!.distanceM).to.equal(1000);
    expect(second!.distanceM).to.equal(500);
    close([first!.endT, second!.startT, second!.endT], [7 / 3, 7 / 3, 4]);
    close([first!.durationS, second!.durationS], [7 / 3, 5 / 3]);
    close([first!.avgSpeedMps, second!.avgSpeedMps], [3000 / 7, 300]);
    // each sample owns the step before it: (160 + 170 + 180/3) / (7/3) and (180·2/3 + 190) / (5/3)
    close([first!.avgCadence, second!.avgCadence], [(390 * 3) / 7, 186]);
    close([first!.avgStrideM, second!.avgStrideM], [(2.75 * 3) / 7, 1.65]);
    expect(second!.label).to.equal('1.50 km');
  });

  it('splits per mile', () => {
    const mile = 1609.344;
    const splits = distanceSplits(columnsFrom(steady(4, 2 * mile + 100)), 'mi');
    expect(pick(splits, 'label')).to.deep.equal(['1 mi', '2 mi', '2.06 mi']);
    close(pick(splits, 'distanceM'), [mile, mile, 100]);
    close(pick(splits, 'durationS'), [mile / 4, mile / 4, 25]);
  });

  it('has no partial split when the run ends exactly on a mark', () => {
    const splits = distanceSplits(columnsFrom(steady(250, 2000)), 'km');
    expect(pick(splits, 'distanceM')).to.deep.equal([1000, 1000]);
    expect(pick(splits, 'label')).to.deep.equal(['1 km', '2 km']);
  });

  it('leaves pauses out of split times, so splits add up to the moving time', () => {
    const rows = [0, 1, 2, 3, 4].map((t) => sample(t, t * 300));
    rows.push(...[10, 11, 12, 13, 14].map((t) => sample(t, (t - 6) * 300)));
    const gaps = [{ fromT: 4, toT: 10, reason: 'paused' as const }];
    const columns = columnsFrom(rows);
    const splits = distanceSplits(columns, 'km', gaps);
    expect(pick(splits, 'distanceM')).to.deep.equal([1000, 1000, 400]);
    close(pick(splits, 'durationS'), [10 / 3, 10 / 3, 4 / 3]);
    // the pause sits inside the second split: it starts at 3⅓ s and ends at 12⅔ s
    close(pick(splits, 'endT'), [10 / 3, 38 / 3, 14]);
    const total = splits.reduce((sum, s) => sum + s.durationS, 0);
    expect(total).to.be.closeTo(summarizeSamples(columns, defaultCadenceZones, gaps).movingS, 1e-9);
    // without the gaps, the step across the pause counts in full: gaps alone say where time stops
    close(pick(distanceSplits(columns, 'km'), 'durationS'), [10 / 3, 10 / 3 + 6, 4 / 3]);
  });

  it('leaves walking samples out of cadence and stride but not out of time', () => {
    const rows = [sample(0, 0), sample(1, 3, { cadence: 120, strideLengthM: 0.5, flags: 0 }), sample(2, 6, { cadence: 170 })];
    const [split] = distanceSplits(columnsFrom(rows), 'km');
    expect([split!.durationS, split!.avgCadence, split!.avgStrideM]).to.deep.equal([2, 170, 1]);
  });

  it('gives no splits for no samples or no distance', () => {
    expect(distanceSplits(emptyColumns(), 'km')).to.deep.equal([]);
    expect(distanceSplits(columnsFrom([sample(0, 0), sample(1, 0)]), 'km')).to.deep.equal([]);
  });
});

describe('splits of a watch\'s smart recording', () => {
  it('credit a long step to the record that starts it but for its last second, as the summary does', () => {
    // 0-20 s at 160 recorded at 0 and 20 s (the record at 20 s shows its last second, 170), then
    // 170 every second to 40 s; a lap at 10 s falls inside the long step.
    const rows = [sample(0, 0, { cadence: 160 }), sample(20, 60, { cadence: 170 })];
    for (let t = 21; t <= 40; t++) rows.push(sample(t, 60 + (t - 20) * 3, { cadence: 170 }));
    const samples = columnsFrom(rows);
    const laps = lapSplits(samples, [10]);
    close(pick(laps, 'durationS'), [10, 30]);
    close(pick(laps, 'avgCadence'), [160, (160 * 9 + 170 * 21) / 30]);
    const whole = lapSplits(samples, []);
    expect(whole[0]!.avgCadence).to.be.closeTo(summarizeSamples(samples, defaultCadenceZones).avgCadence, 1e-9);
  });
});

describe('lapSplits', () => {
  const run = columnsFrom(Array.from({ length: 11 }, (_, t) => sample(t, t * 3)));

  it('cuts at each lap press, interpolating distance, with the last lap running to the end', () => {
    const splits = lapSplits(run, [4, 7.5]);
    expect(pick(splits, 'label')).to.deep.equal(['Lap 1', 'Lap 2', 'Lap 3']);
    expect(pick(splits, 'startT')).to.deep.equal([0, 4, 7.5]);
    expect(pick(splits, 'endT')).to.deep.equal([4, 7.5, 10]);
    expect(pick(splits, 'distanceM')).to.deep.equal([12, 10.5, 7.5]);
    expect(pick(splits, 'durationS')).to.deep.equal([4, 3.5, 2.5]);
    close(pick(splits, 'avgSpeedMps'), [3, 3, 3]);
  });

  it('is one lap without presses, ignores presses at the ends and takes the rest in time order', () => {
    expect(pick(lapSplits(run, []), 'distanceM')).to.deep.equal([30]);
    expect(pick(lapSplits(run, [0, 5, 3, 10, 5]), 'endT')).to.deep.equal([3, 5, 10]);
    expect(lapSplits(emptyColumns(), [5])).to.deep.equal([]);
  });
});

describe('splits of a run whose first record already has distance (a watch counts from its start button)', () => {
  it('an imported FIT starting at 3 m ends its splits at the distance the run shows, the marks at whole km', () => {
    const records = [];
    for (let s = 1; s <= 1670; s++) records.push(runRecord(s, { distance: 3 * s, speed: 3 }));
    const run = decodeFit(fitFileOf([timerEvent('start', 0), ...records, timerEvent('stopAll', 1670)]));
    const summary = importedSummary(run, defaultCadenceZones);
    expect(formatDistanceIn(summary.distanceM, 'km'), 'the run’s distance: its last record’s').to.equal('5.01');
    const splits = distanceSplits(run.samples, 'km', run.gaps);
    expect(splits.map((s) => s.label)).to.deep.equal(['1 km', '2 km', '3 km', '4 km', '5 km', '5.01 km']);
    // The 1 km mark where the records say 1000 m (997 m after the first record, at 3 m/s), not 3 m later.
    expect(splits[0]!.endT).to.be.closeTo(run.samples.t[0]! + 997 / 3, 1e-9);
    expect(splits[0]!.distanceM).to.equal(1000);
  });

  it('a trimmed file whose first record holds 2000 m counts from that record: no split faster than its 3 m/s', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => sample(1 + i, 2000 + 3 * i));
    const columns = columnsFrom(rows);
    // 2000 m in the first second at 3 m/s could not have been run: not this run's distance.
    expect(summarizeSamples(columns, defaultCadenceZones).distanceM, 'the run: 1000 s at 3 m/s').to.equal(3000);
    const splits = distanceSplits(columns, 'km');
    expect(splits.map((s) => s.label)).to.deep.equal(['1 km', '2 km', '3 km']);
    const paces = [...splits, ...lapSplits(columns, [])].map((s) => formatPace(paceSeconds(s.avgSpeedMps, 'km')));
    expect(paces[0]).to.equal('5:33');
    expect(paces.every((p) => p === '5:33' || p === '5:34'), paces.join(' ')).to.equal(true);
  });

  it('no split or lap is faster than the fastest record, whatever the first record holds', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 1, max: 6, noNaN: true }), fc.integer({ min: 0, max: 30 }), (firstM, speed, firstT) => {
        const rows = Array.from({ length: 801 }, (_, i) => sample(firstT + i, firstM + speed * i, { speedMps: speed }));
        const columns = columnsFrom(rows);
        const total = summarizeSamples(columns, defaultCadenceZones).distanceM;
        // Counted from 0 m only when the first record could have been run since the start.
        const sinceStart = firstM <= speed * Math.max(1, firstT) + 1 ? firstM : 0;
        expect(total).to.be.closeTo(sinceStart + speed * 800, 1e-6);
        // Each split's metres were run in its time at the records' speed; the first split's also
        // hold the metres since the start, which are at most speed × that time and a metre.
        for (const s of [...distanceSplits(columns, 'km'), ...lapSplits(columns, [firstT + 200, firstT + 500])]) {
          expect(s.distanceM, s.label).to.be.at.most(speed * s.durationS + (s.index === 0 ? sinceStart : 0) + 1e-6);
        }
      }),
      { numRuns: invariantRuns(100) },
    );
  });

  it('splits and laps add up to the run’s distance whatever the first record holds', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2500, noNaN: true }), fc.double({ min: 500, max: 6000, noNaN: true }), fc.constantFrom<'km' | 'mi'>('km', 'mi'), (firstM, runM, unit) => {
        const rows = Array.from({ length: 101 }, (_, i) => sample(1 + i, firstM + (runM * i) / 100));
        const columns = columnsFrom(rows);
        const total = summarizeSamples(columns, defaultCadenceZones).distanceM;
        const splits = distanceSplits(columns, unit);
        expect(splits.reduce((sum, s) => sum + s.distanceM, 0), 'splits').to.be.closeTo(total, 1e-6);
        // "5.01 km", or "6 km" for a run ending on a mark: where the run ends, as the run shows it.
        const endsAt = Number(splits.at(-1)!.label.split(' ')[0]) * (unit === 'km' ? 1000 : 1609.344);
        expect(formatDistanceIn(endsAt, unit), 'the last split ends where the run does').to.equal(formatDistanceIn(total, unit));
        const laps = lapSplits(columns, [30, 60]);
        expect(laps.reduce((sum, s) => sum + s.distanceM, 0), 'laps').to.be.closeTo(total, 1e-6);
      }),
      { numRuns: invariantRuns(100) },
    );
  });
});
