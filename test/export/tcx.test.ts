import { expect } from '@open-wc/testing';
import { decodeFit } from '../../src/export/fit-decode.js';
import { ACTIVITY_EXTENSION_NAMESPACE, STRIDEWISE_NAMESPACE, TCX_NAMESPACE, decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { type RecordedSession, SAMPLE_RUNNING, SAMPLE_STRIDE_DERIVED, type SessionGap } from '../../src/session/recorded-session.js';
import { summarizeSamples } from '../../src/session/session-summary.js';
import { distanceSplits } from '../../src/session/splits.js';
import { MesgNum, fitAt, fitFileOf, fitMesg, runRecord, sessionMesg, timerEvent, watchRunWalkFit } from '../support/fit-messages.js';
import { storedImport } from '../support/stored-import.js';
import { statedTotalsNotes } from '../../src/session/stated-totals.js';
import { FIXTURE_GAPS, FIXTURE_LAPS, FIXTURE_START, fixtureSession, tinySession } from './session-fixture.js';
import { runsByCadenceAndSpeed } from '../../src/session/gait.js';
import { importedSession } from '../../src/export/imported-session.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { runningTargetShare } from '../../src/session/running-time-in-zone.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { runTitle } from '../../src/session/date-format.js';
import { sessionTitle } from '../../src/session/session-title.js';

/** Distances are written to the centimetre, cut as the screens cut (never rounded up). */
const centimetresCut = (metres: number): number => Math.floor(metres * 100 + 1e-6) / 100;

const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'application/xml');
const tcx = (doc: Element | Document, name: string): Element[] => Array.from(doc.getElementsByTagNameNS(TCX_NAMESPACE, name));
const ext = (doc: Element | Document, name: string): Element[] =>
  Array.from(doc.getElementsByTagNameNS(ACTIVITY_EXTENSION_NAMESPACE, name));
const num = (el: Element | undefined): number => Number(el?.textContent);

describe('encodeTcx', () => {
  const session = fixtureSession();
  const { samples } = session;
  const doc = parse(encodeTcx(session));

  it('is well-formed Training Center Database v2 with one running activity', () => {
    expect(doc.getElementsByTagName('parsererror').length).to.equal(0);
    expect(doc.documentElement.localName).to.equal('TrainingCenterDatabase');
    expect(doc.documentElement.namespaceURI).to.equal(TCX_NAMESPACE);
    const activities = tcx(doc, 'Activity');
    expect(activities.length).to.equal(1);
    expect(activities[0]!.getAttribute('Sport')).to.equal('Running');
    expect(tcx(doc, 'Id')[0]!.textContent).to.equal('2026-11-25T07:54:00.000Z');
  });

  it('writes one lap per lap, in schema order, with start, time, distance, intensity and trigger', () => {
    const laps = tcx(doc, 'Lap');
    expect(laps.map((l) => l.getAttribute('StartTime'))).to.deep.equal([
      new Date(FIXTURE_START).toISOString(),
      new Date(FIXTURE_START + 420_000).toISOString(),
      new Date(FIXTURE_START + 1_200_000).toISOString(),
    ]);
    expect(Array.from(laps[0]!.children, (c) => c.localName)).to.deep.equal([
      'TotalTimeSeconds', 'DistanceMeters', 'Calories', 'Intensity', 'TriggerMethod', 'Track', 'Extensions',
    ]);
    expect(laps.map((l) => num(tcx(l, 'TotalTimeSeconds')[0]))).to.deep.equal([420, 720, 589]);
    const lapDistance = laps.reduce((sum, l) => sum + num(Array.from(l.children).find((c) => c.localName === 'DistanceMeters')), 0);
    expect(lapDistance).to.be.closeTo(session.meta.distanceM, 0.02);
    expect(laps.every((l) => tcx(l, 'Intensity')[0]!.textContent === 'Active')).to.equal(true);
    expect(laps.every((l) => tcx(l, 'TriggerMethod')[0]!.textContent === 'Manual')).to.equal(true);
    // The pause in lap 2 starts a second track; the lost link does not.
    expect(laps.map((l) => tcx(l, 'Track').length)).to.deep.equal([1, 2, 1]);
  });

  it('writes every sample as a trackpoint with time, distance, speed and running cadence', () => {
    const points = tcx(doc, 'Trackpoint');
    expect(points.length).to.equal(samples.t.length);
    points.forEach((p, i) => {
      const where = `trackpoint ${i}`;
      expect(tcx(p, 'Time')[0]!.textContent, where).to.equal(new Date(FIXTURE_START + samples.t[i]! * 1000).toISOString());
      expect(num(tcx(p, 'DistanceMeters')[0]), where).to.be.closeTo(centimetresCut(samples.distanceM[i]!), 1e-6);
      expect(num(ext(p, 'Speed')[0]), where).to.be.closeTo(samples.speedMps[i]!, 0.0005);
      expect(num(ext(p, 'RunCadence')[0]), where).to.equal(Math.round(samples.cadence[i]! / 2));
      expect(ext(p, 'TPX')[0]!.parentElement!.localName).to.equal('Extensions');
    });
  });

  it('escapes a name and notes so they stay text, and reads the same name back', () => {
    const name = 'Hill <script>alert(1)</script> & "fast" day';
    const session = tinySession(
      [0, 1, 2].map((t) => ({ t, speedMps: 3, cadence: 170, strideLengthM: 1.06, running: true })),
      { name, notes: 'Felt good.\n<b>not bold</b> & \u0007bell', deviceName: 'Pod <1> & co' },
    );
    const xml = encodeTcx(session);
    expect(xml).to.not.contain('<script>');
    expect(xml).to.not.contain('<b>');
    const parsed = parse(xml);
    expect(parsed.getElementsByTagName('script').length).to.equal(0);
    expect(tcx(parsed, 'Notes')[0]!.textContent).to.equal(`${name}\n\nFelt good.\n<b>not bold</b> & bell`);
    const run = decodeTcx(xml);
    expect(run.name).to.equal(name);
    expect(run.deviceName).to.equal('Pod <1> & co');
  });

  it('drops what XML 1.0 cannot hold from names, so a control character or a very long name still gives a file that parses', () => {
    const hostile = `<img src=x onerror=alert(1)> 'single' "double" \u0000nul \u001besc \u0008bs \uFFFEnon-char \uD800lone ]]> end`;
    const long = 'Long run '.repeat(20_000);
    for (const [name, deviceName] of [[hostile, `Pod\u0001\u0002 ${hostile}`], [long, long]] as const) {
      const session = tinySession(
        [0, 1].map((t) => ({ t, speedMps: 3, cadence: 170, strideLengthM: 1.06, running: true })),
        { name, notes: `note\u000b\u000c ${hostile}`, deviceName },
      );
      const xml = encodeTcx(session);
      const parsed = parse(xml);
      expect(parsed.getElementsByTagNameNS('*', 'parsererror').length).to.equal(0);
      expect(parsed.getElementsByTagName('img').length).to.equal(0);
      const run = decodeTcx(xml);
      const xmlSafe = (text: string): string => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uD800]/g, '');
      expect(run.name).to.equal(xmlSafe(name).replace(/\s+/g, ' ').trim());
      expect(run.deviceName).to.equal(xmlSafe(deviceName).trim());
    }
  });
});

describe('TCX of an unnamed run', () => {
  it('with notes: writes the title the app shows first, so no reader (ours neither) takes the notes as its name', () => {
    for (const sport of ['run', 'walk'] as const) {
      const session = fixtureSession();
      session.meta = { ...session.meta, name: '', sport, notes: 'Felt heavy, left calf tight' };
      const shown = sessionTitle(session.meta);
      expect(shown, 'what every screen shows').to.equal(runTitle(session.meta.startedAt, sport));
      const text = encodeTcx(session);
      const notes = tcx(new DOMParser().parseFromString(text, 'application/xml'), 'Notes')[0]!.textContent;
      expect(notes, 'no blank first line').to.equal(`${shown}\n\nFelt heavy, left calf tight`);
      const back = decodeTcx(text);
      // Other readers take the first line as its name; ours knows it made that title (sw:MadeTitle).
      expect(back.name, 'no name of the runner’s').to.equal(null);
      // Our import stores it unnamed again, so it is titled by its start in today's locale.
      const stored = importedSession(back, defaultCadenceZones, { id: 'again' });
      expect({ name: stored.meta.name, title: sessionTitle(stored.meta) }).to.deep.equal({ name: '', title: shown });
    }
  });

  it('an unnamed run’s title made in another zone or locale is still stored unnamed; a name typed over it elsewhere is kept', () => {
    const session = fixtureSession();
    session.meta = { ...session.meta, name: '', notes: 'Felt heavy' };
    const here = Intl.DateTimeFormat().resolvedOptions();
    const mine = runTitle(session.meta.startedAt);
    const format = (locale: string, timeZone: string) =>
      `Run ${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(session.meta.startedAt)}`;
    // What the exporting device wrote, in its zone (one that differs from here) or in another locale.
    const zone = ['America/New_York', 'Asia/Tokyo'].find((z) => format(here.locale, z) !== format(here.locale, here.timeZone))!;
    for (const theirs of [format(here.locale, zone), format('ja-JP', 'Asia/Tokyo'), format('de-DE', 'Europe/Berlin')]) {
      const text = encodeTcx(session).replaceAll(mine, theirs);
      expect(text, `${here.locale} ${here.timeZone} → ${theirs}`).to.contain(`${theirs}\n`);
      const stored = importedSession(decodeTcx(text), defaultCadenceZones, { id: 'from-phone' });
      expect({ name: stored.meta.name, title: sessionTitle(stored.meta) }, theirs).to.deep.equal({ name: '', title: mine });
    }
    // Renamed in another app since: the first line is no longer the title we made.
    const renamed = encodeTcx(session).replace(`<Notes>${mine}`, '<Notes>Parkrun PB');
    expect(importedSession(decodeTcx(renamed), defaultCadenceZones, { id: 'renamed' }).meta.name).to.equal('Parkrun PB');
  });

  it('without notes: writes no <Notes>, as before', () => {
    const session = fixtureSession();
    session.meta = { ...session.meta, name: '  ', notes: ' ' };
    expect(encodeTcx(session)).to.not.contain('<Notes>');
    expect(decodeTcx(encodeTcx(session)).name).to.equal(null);
  });
});

describe('decodeTcx(encodeTcx(session))', () => {
  it('gives back the session: times to the ms, cadence to ±1 step, stride derived', () => {
    const session = fixtureSession();
    const run = decodeTcx(encodeTcx(session));
    const a = session.samples;
    const b = run.samples;
    expect(run.startedAt).to.equal(FIXTURE_START);
    expect(run.name).to.equal('Tuesday treadmill');
    expect(run.deviceName).to.equal('Stryd footpod');
    expect(run.laps).to.deep.equal(FIXTURE_LAPS);
    // TCX has no word for a lost link: a break the timer did not count (the lap's TotalTimeSeconds
    // leaves it out) comes back as a pause, at the same times.
    expect(run.gaps).to.deep.equal(
      FIXTURE_GAPS.map((gap) => (gap.reason === 'link-lost' ? { ...gap, reason: 'paused' } : gap)),
    );
    expect(b.t.length).to.equal(a.t.length);
    for (let i = 0; i < a.t.length; i++) {
      const where = `sample ${i} (t=${a.t[i]})`;
      expect(b.t[i], where).to.equal(a.t[i]);
      expect(b.speedMps[i], where).to.be.closeTo(a.speedMps[i]!, 0.0005 + 1e-6);
      expect(b.distanceM[i], where).to.be.closeTo(centimetresCut(a.distanceM[i]!), 1e-6);
      expect(Math.abs(b.cadence[i]! - a.cadence[i]!), where).to.be.at.most(1);
      expect(b.cadence[i]! % 2, where).to.equal(0);
      expect(b.flags[i]! & SAMPLE_STRIDE_DERIVED, where).to.equal(SAMPLE_STRIDE_DERIVED);
      const expectedStride = b.cadence[i]! > 0 ? (b.speedMps[i]! * 60) / b.cadence[i]! : 0;
      expect(b.strideLengthM[i], where).to.be.closeTo(expectedStride, 1e-5);
      // TCX has no walking/running state: a sample in a run is judged by the app's gait rule.
      const running = runsByCadenceAndSpeed(b.cadence[i]!, b.speedMps[i]!);
      expect(b.flags[i]! & SAMPLE_RUNNING, where).to.equal(running ? SAMPLE_RUNNING : 0);
    }
  });
});

describe('heart rate in TCX', () => {
  it('writes HeartRateBpm where a strap gave it, nothing where not, and reads it back', () => {
    const specs = [0, 1, 2].map((t) => ({ t, speedMps: 3, cadence: 170, strideLengthM: null, running: true }));
    const session = tinySession(specs);
    session.samples.heartRate.set([Number.NaN, 148.6, 150]);
    const text = encodeTcx(session);
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    expect([...doc.getElementsByTagNameNS(TCX_NAMESPACE, 'HeartRateBpm')].map((e) => e.textContent!.trim())).to.deep.equal(['149', '150']);
    expect(Array.from(decodeTcx(text).samples.heartRate)).to.deep.equal([Number.NaN, 149, 150]);
  });
});

describe('TCX keeps what the page shows of a run', () => {
  const zoneSum = (z: Record<string, number>): number => Object.values(z).reduce((a, b) => a + b, 0);

  it('writes a walk as Sport="Other" with running cadence, so it comes back a walk, not a run for the plan and trends', () => {
    const specs = Array.from({ length: 1201 }, (_, t) => ({ t, speedMps: 1.4, cadence: 112, strideLengthM: null, running: false }));
    const walk = tinySession(specs, { sport: 'walk' });
    expect(tcx(parse(encodeTcx(walk)), 'Activity')[0]!.getAttribute('Sport')).to.equal('Other');
    expect(decodeTcx(encodeTcx(walk)).sport).to.equal('walk');
    expect(decodeTcx(encodeTcx(tinySession(specs.slice(0, 3)))).sport, 'a run stays a run').to.equal('run');
  });

  it("carries a watch's stated moving time and distance for the re-import, the laps still what the records add up to", () => {
    // The watch states 1800 s and 5000 m (what the page shows); its records stop 4 s before its
    // timer did (the last at 1796 s, 4990 m, as smart recording leaves it).
    const watch = [timerEvent('start', 0)];
    for (let s = 0; s <= 1796; s += 4) watch.push(runRecord(s, { distance: (s * 4990) / 1796, speed: 2.78, enhancedSpeed: 2.78 }));
    watch.push(timerEvent('stopAll', 1800), sessionMesg(0, 1800, { totalTimerTime: 1800, totalDistance: 5000, avgCadence: 85 }));
    const stored = storedImport(decodeFit(fitFileOf(watch)));
    expect([stored.meta.movingS, stored.meta.distanceM], 'the page').to.deep.equal([1800, 5000]);
    const text = encodeTcx(stored);
    const lap = tcx(parse(text), 'Lap')[0]!;
    expect(num(tcx(lap, 'TotalTimeSeconds')[0])).to.equal(1796);
    const carried = parse(text).getElementsByTagNameNS(STRIDEWISE_NAMESPACE, 'StatedTotals')[0]!;
    expect([carried.getAttribute('MovingSeconds'), carried.getAttribute('DistanceMeters'), carried.getAttribute('AverageCadence')]).to.deep.equal([
      '1800', '5000', '170',
    ]);
    const again = storedImport(decodeTcx(text));
    expect(again.meta.movingS, 'TCX re-import: moving time').to.be.closeTo(1800, 1e-9);
    expect(again.meta.distanceM, 'TCX re-import: distance').to.be.closeTo(5000, 1e-9);
    expect(again.meta.statedTotals?.fromRecords.movingS, 'the records still say what they say').to.equal(1796);
  });

  it('lists a lost link the pod counted through, so re-import leaves its unmeasured minutes out of zones and cadence', () => {
    // 10 min at 170, the link lost for 10 min (the pod counted 1800 m on), 10 min at 180: 1200 s
    // in zones, 175 steps/min, 1800 s moving. Without the listing a reader gives the lost 10 min
    // to the last cadence before it (1800 s in zones, 173.3).
    const specs = [
      ...Array.from({ length: 601 }, (_, t) => ({ t, speedMps: 3, cadence: 170, strideLengthM: null, running: true })),
      ...Array.from({ length: 601 }, (_, k) => ({ t: 1200 + k, speedMps: 3, cadence: 180, strideLengthM: null, running: true })),
    ];
    const gaps = [{ fromT: 600, toT: 1200, reason: 'link-lost' as const, coveredM: 1800 }];
    const live = tinySession(specs, { gaps });
    live.meta = { ...live.meta, ...summarizeSamples(live.samples, live.meta.zones, gaps) };
    expect(zoneSum(live.meta.zoneTimes), 'page: time in zones').to.be.closeTo(1200, 1e-9);
    const text = encodeTcx(live);
    const listed = Array.from(parse(text).getElementsByTagNameNS(STRIDEWISE_NAMESPACE, 'Break'), (b) => [
      b.getAttribute('Reason'), b.getAttribute('StartTime'), b.getAttribute('EndTime'),
    ]);
    expect(listed).to.deep.equal([['link-lost', new Date(FIXTURE_START + 600_000).toISOString(), new Date(FIXTURE_START + 1_200_000).toISOString()]]);
    const back = decodeTcx(text);
    expect(back.gaps).to.deep.equal(gaps);
    const again = summarizeSamples(back.samples, live.meta.zones, back.gaps);
    expect(again.movingS, 'TCX: moving time').to.be.closeTo(1800, 1e-9);
    expect(again.avgCadence, 'TCX: cadence').to.be.closeTo(175, 1e-9);
    expect(zoneSum(again.zoneTimes), 'TCX: time in zones').to.be.closeTo(1200, 1e-9);
    const cadences = (s: RecordedSession['samples'], g: readonly SessionGap[]): number[] =>
      distanceSplits(s, 'km', g).map((x) => Math.round(x.avgCadence));
    expect(cadences(back.samples, back.gaps), 'km splits cadence').to.deep.equal(cadences(live.samples, gaps));
  });

  it('keeps a pause with a lap pressed during it: the re-import has the same moving time and pace', () => {
    // A Garmin run: timer 0-600 s, paused 600-660 s, the lap key pressed at 630 s while paused,
    // timer 660-1200 s, 3 m/s: 1140 s and 3420 m.
    const watch = [timerEvent('start', 0)];
    for (let s = 0; s <= 600; s++) watch.push(runRecord(s, { distance: 3 * s, speed: 3, enhancedSpeed: 3 }));
    watch.push(timerEvent('stopAll', 600));
    watch.push(fitMesg(MesgNum.LAP!, { messageIndex: 0, timestamp: fitAt(630), startTime: fitAt(0), totalTimerTime: 600, totalDistance: 1800 }));
    watch.push(timerEvent('start', 660));
    for (let s = 660; s <= 1200; s++) watch.push(runRecord(s, { distance: 1800 + 3 * (s - 660), speed: 3, enhancedSpeed: 3 }));
    watch.push(timerEvent('stopAll', 1200));
    watch.push(fitMesg(MesgNum.LAP!, { messageIndex: 1, timestamp: fitAt(1200), startTime: fitAt(630), totalTimerTime: 540, totalDistance: 1620 }));
    watch.push(sessionMesg(0, 1200, { totalTimerTime: 1140, totalDistance: 3420, avgCadence: 85 }));
    const stored = storedImport(decodeFit(fitFileOf(watch)));
    expect(stored.meta.movingS, 'the page').to.equal(1140);
    expect(stored.meta.laps, 'the page: lap 2 at 630 s').to.deep.equal([630]);
    const back = decodeTcx(encodeTcx(stored));
    const again = summarizeSamples(back.samples, stored.meta.zones, back.gaps);
    expect(again.movingS, 'TCX re-import: moving time of the records').to.be.closeTo(1140, 1e-9);
    expect(again.avgSpeedMps, 'TCX re-import: pace').to.be.closeTo(3, 1e-9);
  });
});

describe("encodeTcx keeps what the watch called running", () => {
  /**
   * A beginner's watch run: 10 min of slow jogging at 136 steps/min and 2.0 m/s (8:20/km), which the
   * cadence-and-speed rule would call walking, then 10 min at 170 and 3.0 m/s. The watch marks every
   * record running and states 153.0 steps/min over its timer.
   */
  function beginnerRun(): Uint8Array {
    const records = [];
    for (let s = 0; s <= 1200; s++) {
      const jog = s <= 600;
      records.push(runRecord(s, { distance: jog ? 2 * s : 1200 + 3 * (s - 600), speed: jog ? 2 : 3, cadence: jog ? 68 : 85 }));
    }
    return fitFileOf([
      timerEvent('start', 0),
      ...records,
      timerEvent('stopAll', 1200),
      sessionMesg(0, 1200, { totalTimerTime: 1200, totalDistance: 3000, avgCadence: 76, avgFractionalCadence: 0.5 }),
    ]);
  }

  it('a slow jog the watch marked running comes back running: average cadence and running seconds agree with the page', () => {
    const zones = defaultCadenceZones;
    const page = importedSession(decodeFit(beginnerRun()), zones, { id: 'b', name: 'Beginner' });
    expect(page.meta.avgCadence).to.be.closeTo(153, 0.1);
    expect(runningTargetShare([page.meta], zones).runningS).to.be.closeTo(1200, 2);
    const viaTcx = importedSummary(decodeTcx(encodeTcx(page)), zones);
    expect(viaTcx.avgCadence, 'TCX round trip: average cadence').to.be.closeTo(153, 0.5);
    expect(runningTargetShare([viaTcx], zones).runningS, 'TCX round trip: running seconds').to.be.closeTo(1200, 2);
  });

  it('marks the trackpoints that were not running, and a walk inside a run stays out of its running figures', () => {
    const specs = [
      ...Array.from({ length: 300 }, (_, t) => ({ t, speedMps: 3, cadence: 172, strideLengthM: null, running: true })),
      ...Array.from({ length: 300 }, (_, k) => ({ t: 300 + k, speedMps: 3, cadence: 172, strideLengthM: null, running: false })),
    ];
    const text = encodeTcx(tinySession(specs));
    expect(parse(text).getElementsByTagNameNS(STRIDEWISE_NAMESPACE, 'NotRunning').length).to.equal(300);
    const flags = decodeTcx(text).samples.flags;
    expect(Array.from(flags, (f) => (f & SAMPLE_RUNNING) !== 0)).to.deep.equal(specs.map((p) => p.running));
  });

  it('a file whose extension was dropped by another tool is judged by cadence and speed again', () => {
    const specs = Array.from({ length: 60 }, (_, t) => ({ t, speedMps: 2, cadence: 136, strideLengthM: null, running: true }));
    const text = encodeTcx(tinySession(specs)).replace(/<sw:GaitMarked\/>/, '');
    expect(Array.from(decodeTcx(text).samples.flags).some((f) => (f & SAMPLE_RUNNING) !== 0)).to.equal(runsByCadenceAndSpeed(136, 2));
  });
});

describe('encodeTcx of a watch run-walk keeps what the watch said about its cadence', () => {
  it("re-imported, says the watch's 145 counts walking too, never that the page's running-only 170 does", () => {
    const page = storedImport(decodeFit(watchRunWalkFit()));
    const pageNotes = statedTotalsNotes(page.meta.statedTotals!);
    expect(pageNotes.join(' ')).to.contain("the watch's own, 145, counts walking too");
    const again = storedImport(decodeTcx(encodeTcx(page)));
    expect(again.meta.avgCadence, 'running only, as on the page').to.be.closeTo(page.meta.avgCadence, 0.5);
    const notes = again.meta.statedTotals ? statedTotalsNotes(again.meta.statedTotals) : [];
    expect(notes.filter((n) => n.includes('counts walking too'))).to.deep.equal(pageNotes.filter((n) => n.includes('counts walking too')));
  });
});
