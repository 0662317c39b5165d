import { expect } from '@open-wc/testing';
import { matchedBands, speedBandLabel, weekStart, weeklyTrends } from '../../src/session/weekly-trends.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { summary } from '../support/session-summaries.js';

const day = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('weekStart', () => {
  it('is Monday 00:00 local time, on the calendar, across the DST changes of 2026', () => {
    const cases: [number, number][] = [
      [day(2026, 3, 8, 23, 30), day(2026, 3, 2)], // the US moves clocks on Sunday 8 March
      [day(2026, 3, 9, 0, 0), day(2026, 3, 9)],
      [day(2026, 3, 28, 12), day(2026, 3, 23)], // Israel moves clocks on Friday 27 March, midweek
      [day(2026, 3, 29, 12), day(2026, 3, 23)], // Europe moves clocks on Sunday 29 March
      [day(2026, 3, 30, 0, 30), day(2026, 3, 30)],
      [day(2026, 10, 25, 23, 59), day(2026, 10, 19)], // and back on Sunday 25 October
      [day(2026, 11, 1, 10), day(2026, 10, 26)], // the US goes back on Sunday 1 November
      [day(2027, 1, 1, 8), day(2026, 12, 28)],
    ];
    for (const [at, monday] of cases) {
      const start = new Date(weekStart(at));
      expect(start.getTime(), new Date(at).toString()).to.equal(monday);
      expect([start.getDay(), start.getHours(), start.getMinutes()]).to.deep.equal([1, 0, 0]);
    }
  });
});

describe('weeklyTrends', () => {
  const now = day(2026, 4, 1, 12); // a Wednesday; five weeks back is Monday 2 March
  const sessions = [
    summary(day(2026, 2, 25, 7), { bands: [[6, 3000, 150]] }), // before the five weeks
    summary(day(2026, 3, 8, 23, 30), {
      distanceM: 5000,
      movingS: 1800,
      avgCadence: 160,
      // Walking in the zone times; the running seconds by cadence leave it out.
      zoneTimes: { low: 900, building: 600, target: 246, high: 0 },
      runningCadence: { 158: 600, 166: 384, 172: 246 },
      bands: [[6, 1200, 164], [7, 30, 180]], // 30 s at band 7 is too little to count
    }),
    // 9 March week: nothing
    summary(day(2026, 3, 16, 0, 0), { distanceM: 6000, movingS: 2000, avgCadence: 166, bands: [[6, 600, 166]] }),
    summary(day(2026, 3, 18, 18), {
      distanceM: 4000,
      movingS: 1000,
      avgCadence: 172,
      zoneTimes: { low: 0, building: 100, target: 800, high: 100 },
      runningCadence: { 168: 180, 174: 720 },
      bands: [[6, 600, 168], [7, 300, 175]],
    }),
    summary(day(2026, 3, 29, 10), { movingS: 1800, bands: [[6, 900, 163], [7, 900, 174], [8, 120, 178]] }),
    summary(day(2026, 3, 31, 7), { movingS: 1200, avgCadence: 170, bands: [[6, 600, 163.4], [7, 600, 174]] }),
    summary(day(2026, 4, 2, 7), { movingS: 600, avgCadence: 0, distanceM: 1500 }), // no cadence from this pod
  ];
  const rows = weeklyTrends(sessions, { weeks: 5, now, zones: defaultCadenceZones });

  it('gives the last N weeks oldest first, empty weeks included', () => {
    expect(rows.map((r) => r.weekStart)).to.deep.equal([day(2026, 3, 2), day(2026, 3, 9), day(2026, 3, 16), day(2026, 3, 23), day(2026, 3, 30)]);
    expect(rows.map((r) => r.sessions)).to.deep.equal([1, 0, 2, 1, 2]);
    expect(rows[1]).to.deep.equal({
      weekStart: day(2026, 3, 9),
      sessions: 0,
      distanceM: 0,
      movingS: 0,
      runningS: 0,
      avgCadence: null,
      targetZoneS: 0,
      targetShare: null,
      estimatedRuns: 0,
      cadenceByBand: { 6: null, 7: null, 8: null },
      towardTarget: null,
    });
  });

  it('totals each week, averaging cadence over running seconds and skipping sessions without cadence', () => {
    expect(rows.map((r) => r.distanceM)).to.deep.equal([5000, 0, 10_000, 5000, 6500]);
    expect(rows.map((r) => r.movingS)).to.deep.equal([1800, 0, 3000, 1800, 1800]);
    const expected = [
      (1200 * 164 + 30 * 180) / 1230,
      null,
      (600 * 166 + 600 * 168 + 300 * 175) / 1500,
      (900 * 163 + 900 * 174 + 120 * 178) / 1920,
      (600 * 163.4 + 600 * 174) / 1200,
    ];
    rows.forEach((row, i) => {
      if (expected[i] === null) expect(row.avgCadence).to.equal(null);
      else expect(row.avgCadence).to.be.closeTo(expected[i]!, 1e-9);
    });
  });

  it("counts the share in target over running seconds against today's target, estimating runs stored without them", () => {
    // 16 March: 600 s at 166 (from its band, estimated) and 720 of 900 s in target; 29 and 31 March
    // estimated from their bands: 174 and 178 in target, 163 and 163.4 not.
    expect(rows.map((r) => r.targetZoneS)).to.deep.equal([246, 0, 720, 1020, 600]);
    expect(rows.map((r) => r.targetShare)).to.deep.equal([0.2, null, 0.48, 1020 / 1920, 0.5]);
    expect(rows.map((r) => r.estimatedRuns)).to.deep.equal([0, 0, 1, 1, 1]);
    const lower = weeklyTrends(sessions, { weeks: 5, now, zones: { buildingFrom: 155, targetFrom: 165, targetTo: 175 } });
    expect(lower.map((r) => r.targetZoneS), 'the same runs against another target').to.deep.equal([630, 0, 1500, 900, 600]);
  });

  it("weighs a run/walk session's cadence by its running seconds, as its own average is", () => {
    const monday = day(2026, 3, 30, 7);
    const week = weeklyTrends(
      [
        // 600 s running at 180 and 3000 s walking (no running cadence): its own average is 180
        summary(monday, { movingS: 3600, avgCadence: 180, bands: [[7, 600, 180]] }),
        summary(monday + 86_400_000, { movingS: 1800, avgCadence: 160, bands: [[6, 1800, 160]] }),
      ],
      { weeks: 1, now, zones: defaultCadenceZones },
    );
    expect(week[0]!.avgCadence).to.equal(165);
  });

  it('counts running time without the walk breaks, the time the share in target is of', () => {
    // 30 min running at 172 (inside 170-180) and 30 min walking: not "60 min of running, 100 % in target".
    const runWalk = summary(day(2026, 3, 31, 7), {
      movingS: 3600,
      zoneTimes: { low: 1800, building: 0, target: 1800, high: 0 },
      runningCadence: { 172: 1800 },
      bands: [[6, 1800, 172]],
    });
    const noCadence = summary(day(2026, 3, 24, 7), { movingS: 1500, avgCadence: 0 });
    const [before, row] = weeklyTrends([runWalk, noCadence], { weeks: 2, now: day(2026, 4, 1, 12), zones: defaultCadenceZones });
    expect([row!.runningS, row!.targetZoneS, row!.targetShare, row!.movingS]).to.deep.equal([1800, 1800, 1, 3600]);
    // A pod that sent no cadence tells no running from walking: its moving time is what there is.
    expect(before!.runningS).to.equal(1500);
  });

  it('counts runs only: a walk stays out of the weeks', () => {
    const monday = day(2026, 3, 30, 7);
    const week = weeklyTrends(
      [
        summary(monday, { movingS: 1800, distanceM: 5000, bands: [[6, 1800, 170]] }),
        summary(monday + 3_600_000, { sport: 'walk', movingS: 3000, distanceM: 4000, bands: [[3, 3000, 110]] }),
      ],
      { weeks: 1, now, zones: defaultCadenceZones },
    );
    expect([week[0]!.sessions, week[0]!.distanceM, week[0]!.avgCadence]).to.deep.equal([1, 5000, 170]);
    expect(week[0]!.cadenceByBand).to.deep.equal({ 6: 170 });
  });

  it('averages cadence per speed band over the week, null under a minute', () => {
    expect(rows[0]!.cadenceByBand).to.deep.equal({ 6: 164, 7: null, 8: null });
    expect(rows[2]!.cadenceByBand).to.deep.equal({ 6: 167, 7: 175, 8: null });
    expect(rows[3]!.cadenceByBand).to.deep.equal({ 6: 163, 7: 174, 8: 178 });
    expect(matchedBands(rows)).to.deep.equal([6, 7]);
  });

  it('says whether matched-pace cadence moved toward the target zone since the last comparable week', () => {
    // 2 Mar against 23 Feb, before the five weeks shown: 20 spm short of 170, then 6
    // 16 Mar against 2 Mar (9 Mar is empty), band 6 only: 6 spm short of 170, then 3 spm short
    // 23 Mar against 16 Mar, bands 6 and 7: a mean of 1.5 spm off, then 3.5
    // 30 Mar against 23 Mar: 3.5, then 3.3: less than half a step per minute
    expect(rows.map((r) => r.towardTarget)).to.deep.equal(['closer', null, 'closer', 'further', 'same']);
  });

  it('measures cadence above the zone from its top edge and counts a change of exactly 0.5 spm', () => {
    const zones = { buildingFrom: 160, targetFrom: 170, targetTo: 180 };
    const weeks = (a: number, b: number) =>
      weeklyTrends(
        [summary(day(2026, 3, 3), { bands: [[6, 600, a]] }), summary(day(2026, 3, 10), { bands: [[6, 600, b]] })],
        { weeks: 2, now: day(2026, 3, 11), zones },
      )[1]!.towardTarget;
    expect(weeks(186, 185.5)).to.equal('closer');
    expect(weeks(185.5, 186)).to.equal('further');
    expect(weeks(186, 185.6)).to.equal('same');
    expect(weeks(175, 179)).to.equal('same');
    expect(weeks(168, 186)).to.equal('further');
  });

  it('compares the oldest week shown with the weeks before it: the same word with 4 weeks shown as with 12', () => {
    const sessions = [
      summary(day(2026, 3, 3, 7), { bands: [[6, 1800, 160]] }), // week of 2 March: 10 below 170-180
      summary(day(2026, 3, 10, 7), { bands: [[6, 1800, 166]] }), // week of 9 March: 4 below
      summary(day(2026, 3, 31, 7), { bands: [[6, 1800, 168]] }),
    ];
    const rowOf = (weeks: number) => weeklyTrends(sessions, { weeks, now: day(2026, 4, 1, 12), zones: defaultCadenceZones }).find((r) => r.weekStart === day(2026, 3, 9))!;
    expect(rowOf(12).towardTarget).to.equal('closer');
    // The oldest of the 4 weeks shown, not "no earlier week at these paces".
    expect(rowOf(4).towardTarget).to.equal('closer');
    // Bands run only before the weeks shown are not columns of them.
    const earlier = summary(day(2026, 3, 4, 7), { bands: [[4, 600, 150]] });
    expect(Object.keys(weeklyTrends([...sessions, earlier], { weeks: 4, now: day(2026, 4, 1, 12), zones: defaultCadenceZones })[0]!.cadenceByBand)).to.deep.equal(['6']);
  });

  it('has nothing to compare when the weeks share no speed band', () => {
    const [, second] = weeklyTrends(
      [summary(day(2026, 3, 3), { bands: [[6, 600, 160]] }), summary(day(2026, 3, 10), { bands: [[8, 600, 175]] })],
      { weeks: 2, now: day(2026, 3, 11), zones: defaultCadenceZones },
    );
    expect(second!.towardTarget).to.equal(null);
    expect(weeklyTrends(sessions, { weeks: 0, now, zones: defaultCadenceZones })).to.deep.equal([]);
  });

  it('takes 520 sessions (two years at five a week) in under 5 ms', () => {
    const first = day(2024, 4, 1, 7);
    const many = Array.from({ length: 520 }, (_, i) =>
      summary(first + Math.floor(i / 5) * 7 * 86_400_000 + (i % 5) * 86_400_000, {
        bands: Array.from({ length: 8 }, (_, b): [number, number, number] => [b + 3, 300, 160 + b + (i % 7)]),
      }),
    );
    const options = { weeks: 104, now: day(2026, 3, 25, 12), zones: defaultCadenceZones };
    weeklyTrends(many, options);
    let best = Infinity;
    let result: ReturnType<typeof weeklyTrends> = [];
    // Best of ten: a shared machine (two test browsers on two cores) stalls single runs.
    for (let run = 0; run < 10; run++) {
      const started = performance.now();
      result = weeklyTrends(many, options);
      best = Math.min(best, performance.now() - started);
    }
    expect(result.length).to.equal(104);
    expect(result.reduce((n, r) => n + r.sessions, 0)).to.be.within(500, 520);
    expect(best).to.be.below(5);
  });
});

describe('speedBandLabel', () => {
  it('names the speeds of a band and the paces they mean', () => {
    expect(speedBandLabel(6, 'km')).to.equal('3.0–3.5 m/s · 5:33–4:45 /km');
    expect(speedBandLabel(6, 'mi')).to.equal('3.0–3.5 m/s · 8:56–7:39 /mi');
    expect(speedBandLabel(9, 'km')).to.equal('4.5–5.0 m/s · 3:42–3:20 /km');
  });
});
