import { expect } from '@open-wc/testing';
import { LiveSession } from '../../src/session/live-session.js';
import { ingestPower } from '../../src/session/power-ingest.js';
import { Recorder } from '../../src/session/recorder.js';
import { FRESH_POD_ROWS } from '../../src/session/sensor-channels.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { podBytes, powerBytes } from './sensor-bytes.js';

const column = (s: LiveSession, name: Parameters<LiveSession['samples']['column']>[0]) => Array.from(s.samples.column(name));

describe('LiveSession: running power from the pod', () => {
  it('puts the latest power in the pod rows after it, and leaves the rows before it empty', () => {
    const s = new LiveSession(defaultCadenceZones);
    s.ingest(podBytes(3, 170), 0);
    ingestPower(s, powerBytes(251));
    s.ingest(podBytes(3, 170), 1000);
    ingestPower(s, powerBytes(263));
    s.ingest(podBytes(3, 170), 2000);
    expect(s.samples.length, 'power adds no rows').to.equal(3);
    expect(column(s, 'powerW')).to.deep.equal([Number.NaN, 251, 263]);
    expect(s.latest!.powerW).to.equal(263);
    expect(s.latestChannels.powerW).to.equal(263);
  });

  it('shows power before any pod row, and says when it changes', () => {
    const s = new LiveSession(defaultCadenceZones);
    let changes = 0;
    s.addEventListener('channels', () => changes++);
    ingestPower(s, powerBytes(240));
    ingestPower(s, powerBytes(240));
    ingestPower(s, powerBytes(-3));
    expect(s.latestChannels.powerW, 'a device may send negative power: kept as sent').to.equal(-3);
    expect(changes, 'a repeated value is no change').to.equal(2);
  });

  it(`goes stale ${FRESH_POD_ROWS} pod rows after the one it first joins, as the strap's heart rate does`, () => {
    const s = new LiveSession(defaultCadenceZones);
    ingestPower(s, powerBytes(250));
    for (let i = 0; i < FRESH_POD_ROWS + 3; i++) s.ingest(podBytes(3, 170), i * 1000);
    expect(column(s, 'powerW')).to.deep.equal([250, 250, 250, 250, Number.NaN, Number.NaN]);
    expect(s.latestChannels.powerW, 'gone from the page too').to.equal(null);
  });

  // A pod whose link dropped for a minute comes back with RSC rows before its power: no row has
  // passed for the old watts, yet they were measured a minute before.
  it('carries no power from before a silence of the pod into the rows after it', () => {
    const s = new LiveSession(defaultCadenceZones);
    for (let i = 0; i < 5; i++) {
      ingestPower(s, powerBytes(320));
      s.ingest(podBytes(3.6, 176), i * 1000);
    }
    for (let i = 0; i < 3; i++) s.ingest(podBytes(2, 150), 65_000 + i * 1000);
    expect(column(s, 'powerW').slice(5)).to.deep.equal([Number.NaN, Number.NaN, Number.NaN]);
    expect(s.latestChannels.powerW, 'the Power tile').to.equal(null);
  });

  // A pod may as well send its power just after its RSC in the same second: the last watts before
  // the silence then came after the last row, and only the clock of arrival tells they are a minute old.
  it('carries no power from before a silence of the pod into the rows after it when the pod sent power just after its RSC', () => {
    let now = 0;
    const s = new LiveSession(defaultCadenceZones, () => now);
    for (let i = 0; i < 5; i++) {
      now = i * 1000;
      s.ingest(podBytes(3.6, 176), now);
      now += 5;
      ingestPower(s, powerBytes(320));
    }
    for (let i = 0; i < 3; i++) {
      now = 65_000 + i * 1000;
      s.ingest(podBytes(2, 150), now);
    }
    expect(column(s, 'powerW').slice(0, 5), 'each row before the silence: its own second').to.deep.equal([Number.NaN, 320, 320, 320, 320]);
    expect(column(s, 'powerW').slice(5)).to.deep.equal([Number.NaN, Number.NaN, Number.NaN]);
    expect(s.latestChannels.powerW, 'the Power tile a minute later').to.equal(null);
  });

  // The simulated pod sends power just before each RSC measurement; a real pod back may do the same.
  it('puts the power a pod back from a dropped link sends just before its first RSC in its first row', () => {
    const s = new LiveSession(defaultCadenceZones);
    for (let i = 0; i < 5; i++) {
      ingestPower(s, powerBytes(250));
      s.ingest(podBytes(3, 176), i * 1000);
    }
    s.forgetSensor('power'); // as footpod-service does when the link drops
    for (let i = 0; i < 3; i++) {
      ingestPower(s, powerBytes(300 + i));
      s.ingest(podBytes(3, 176), 64_000 + i * 1000);
    }
    expect(column(s, 'powerW').slice(5)).to.deep.equal([300, 301, 302]);
  });

  it("gives a pod paired into the run none of the previous pod's power", () => {
    const s = new LiveSession(defaultCadenceZones);
    for (let i = 0; i < 5; i++) {
      ingestPower(s, powerBytes(280));
      s.ingest(podBytes(3.3, 172), i * 1000);
    }
    s.newSource();
    expect(s.latestChannels.powerW, 'the Power tile, at once').to.equal(null);
    for (let i = 0; i < 3; i++) s.ingest(podBytes(3.3, 172), 6000 + i * 1000);
    expect(column(s, 'powerW').slice(5)).to.deep.equal([Number.NaN, Number.NaN, Number.NaN]);
  });

  it('records no power while the pod says it is compensating its offset (flag bit 12), not the number it sends then', () => {
    const s = new LiveSession(defaultCadenceZones);
    ingestPower(s, powerBytes(250));
    s.ingest(podBytes(3, 170), 0);
    ingestPower(s, powerBytes(12, true));
    expect(s.latestChannels.powerW, 'the Power tile').to.equal(null);
    s.ingest(podBytes(3, 170), 1000);
    ingestPower(s, powerBytes(252));
    s.ingest(podBytes(3, 170), 2000);
    expect(column(s, 'powerW')).to.deep.equal([250, Number.NaN, 252]);
  });

  it('skips a packet too short to read, says so, and keeps the run', () => {
    const s = new LiveSession(defaultCadenceZones);
    ingestPower(s, powerBytes(250));
    ingestPower(s, new DataView(Uint8Array.of(0x00, 0x00, 0x10).buffer));
    expect(s.malformedCount).to.equal(1);
    expect(s.problem).to.match(/^Skipped a measurement the footpod sent that could not be read \(Cycling power measurement too short/);
    s.ingest(podBytes(3, 170), 0);
    expect(column(s, 'powerW'), 'the last good value stands').to.deep.equal([250]);
    expect(s.problem).to.equal(null);
  });

  it('records power in the run, and a run without it keeps the channel empty', () => {
    const withPower = new LiveSession(defaultCadenceZones);
    const without = new LiveSession(defaultCadenceZones);
    const recorders = [withPower, without].map((live) => {
      let nowMs = Date.UTC(2026, 11, 7, 7);
      const recorder = new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => nowMs });
      recorder.start();
      live.addEventListener('sample', () => {
        nowMs += 1000;
        recorder.addReading(live.latest!);
      });
      return recorder;
    });
    for (let i = 0; i < 4; i++) {
      ingestPower(withPower, powerBytes(240 + i));
      for (const live of [withPower, without]) live.ingest(podBytes(3, 170), i * 1000);
    }
    expect(Array.from(recorders[0]!.samples.powerW)).to.deep.equal([240, 241, 242, 243]);
    expect(Array.from(recorders[1]!.samples.powerW)).to.deep.equal([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
  });
});
