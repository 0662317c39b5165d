import { expect } from '@open-wc/testing';
import { ACTIVITY_EXTENSION_NAMESPACE, TCX_NAMESPACE, decodeTcx, encodeTcx } from '../../src/export/tcx.js';
import { SAMPLE_RUNNING, SAMPLE_STRIDE_DERIVED } from '../../src/session/recorded-session.js';
import { FIXTURE_GAPS, FIXTURE_LAPS, FIXTURE_START, fixtureSession, tinySession } from './session-fixture.js';

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
      expect(num(tcx(p, 'DistanceMeters')[0]), where).to.be.closeTo(samples.distanceM[i]!, 0.005);
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
      expect(b.distanceM[i], where).to.be.closeTo(a.distanceM[i]!, 0.005);
      expect(Math.abs(b.cadence[i]! - a.cadence[i]!), where).to.be.at.most(1);
      expect(b.cadence[i]! % 2, where).to.equal(0);
      expect(b.flags[i]! & SAMPLE_STRIDE_DERIVED, where).to.equal(SAMPLE_STRIDE_DERIVED);
      const expectedStride = b.cadence[i]! > 0 ? (b.speedMps[i]! * 60) / b.cadence[i]! : 0;
      expect(b.strideLengthM[i], where).to.be.closeTo(expectedStride, 1e-5);
      // TCX has no walking/running state: a sample runs when it moves with a cadence.
      const running = a.speedMps[i]! > 0 && a.cadence[i]! > 0;
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
