/// <reference types="mocha" />
// A treadmill that never answers its control point: each command is read as done from the status
// that reports it or from Treadmill Data reaching the target, however long a belt takes to get there.
import { expect } from '@open-wc/testing';
import type { ControlOutcome } from '../../src/sources/treadmill-control.js';
import { caps, data, flush, inControl, settled, view } from '../support/treadmill-control-rig.js';

describe('TreadmillControlPoint: a treadmill that never answers', () => {
  it('confirms start, stop and pause from the status that reports them (0x04, 0x02 0x01, 0x02 0x02)', async () => {
    // A workout's first belt command is Start: left to time out, the workout pauses on a belt that runs.
    const cases = [
      { ask: 'start', status: [0x04], message: 'The belt was started.' },
      { ask: 'stop', status: [0x02, 0x01], message: 'The belt was stopped.' },
      { ask: 'pause', status: [0x02, 0x02], message: 'The belt was paused.' },
      { ask: 'stop', status: [0x02], message: 'The belt was stopped.' },
    ] as const;
    for (const { ask, status, message } of cases) {
      const r = await inControl();
      const outcome = r.control[ask]();
      r.control.status(view(...status));
      expect(await settled(outcome), `${ask} by ${status.join(' ')}`).to.deep.equal({ ok: true, confirmedBy: 'status', message });
    }
    // The other kind of halt, or a start, confirms nothing.
    for (const [ask, status] of [['stop', [0x02, 0x02]], ['pause', [0x02, 0x01]], ['start', [0x02, 0x01]], ['pause', [0x04]]] as const) {
      const r = await inControl();
      const outcome = r.control[ask]();
      r.control.status(view(...status));
      expect(await settled(outcome), `${ask} by ${status.join(' ')}`).to.equal('waiting');
    }
  });

  it('once the treadmill answered a belt command, a status confirms no start', async () => {
    const r = await inControl();
    const speed = r.control.setSpeed(10);
    r.control.indication(view(0x80, 0x02, 0x01));
    expect((await speed).ok).to.equal(true);
    const start = r.control.start();
    r.control.status(view(0x04));
    expect(await settled(start)).to.equal('waiting');
    r.control.indication(view(0x80, 0x07, 0x04));
    expect(await start).to.include({ failure: 'refused' });
  });

  it('keeps waiting while Treadmill Data moves toward the target: a 6 s ramp is confirmed once the belt stands', async () => {
    // Belts change speed at about 1 km/h a second: 6 to 12 km/h takes longer than the 5 s timeout.
    const r = await inControl();
    r.control.treadmillData(data(6));
    const speed = r.control.setSpeed(12);
    for (const kmh of [7, 8, 9, 10, 11, 12, 12]) {
      r.clock.advance(1000);
      r.control.treadmillData(data(kmh));
    }
    expect(await settled(speed)).to.deep.equal({ ok: true, confirmedBy: 'treadmill-data', message: 'The belt speed is set to 12.0 km/h.' });
    // The same for the deck.
    r.control.treadmillData(data(12, 0));
    const incline = r.control.setIncline(8);
    for (const percent of [1, 2, 3, 4, 5, 6, 7, 8, 8]) {
      r.clock.advance(1000);
      r.control.treadmillData(data(12, percent));
    }
    expect(await settled(incline)).to.include({ ok: true, confirmedBy: 'treadmill-data' });
  });

  it('times out, in words, when the belt stops short of the target, and after 30 s however it moves', async () => {
    const r = await inControl();
    r.control.treadmillData(data(6));
    const short = r.control.setSpeed(12);
    const readings = [7, 8, 8, 8, 8, 8, 8];
    const seen: (ControlOutcome | 'waiting')[] = [];
    for (const kmh of readings) {
      r.clock.advance(1000);
      r.control.treadmillData(data(kmh));
      seen.push(await settled(short));
    }
    // Waiting until 5 s after the belt last came closer (at 2 s), then over.
    expect(seen.slice(0, 6)).to.deep.equal(Array(6).fill('waiting'));
    expect(seen[6]).to.deep.equal({ ok: false, failure: 'no-answer', message: 'The belt stopped at 8.0 km/h, short of 12.0 km/h.' });

    const crawl = r.control.setSpeed(12);
    let kmh = 8;
    for (let s = 0; s < 29; s++) {
      r.clock.advance(1000);
      r.control.treadmillData(data((kmh += 0.1)));
    }
    expect(await settled(crawl), 'still coming closer at 29 s').to.equal('waiting');
    r.clock.advance(1000);
    expect(await crawl).to.deep.equal({ ok: false, failure: 'no-answer', message: 'The belt had not reached 12.0 km/h after 30 s.' });
  });

  it('confirms an mph treadmill’s belt standing on its nearest step to the target (within one increment)', async () => {
    // 12.00 km/h runs as 7.5 mph = 12.07 km/h on a belt with a 0.1 mph (0.16 km/h) grid.
    const mph = caps({ speed: { minKmh: 0.8, maxKmh: 19.31, incrementKmh: 0.16 } });
    const r = await inControl(mph);
    const speed = r.control.setSpeed(12);
    r.control.treadmillData(data(12.07));
    expect(await settled(speed), 'one reading could be a belt passing by').to.equal('waiting');
    r.clock.advance(1000);
    r.control.treadmillData(data(12.07));
    expect(await settled(speed)).to.deep.equal({ ok: true, confirmedBy: 'treadmill-data', message: 'The belt speed is set to 12.0 km/h.' });
    // Standing further than one increment away is not there.
    const other = r.control.setSpeed(10);
    for (let s = 0; s < 3; s++) {
      r.clock.advance(1000);
      r.control.treadmillData(data(10.2));
    }
    expect(await settled(other)).to.equal('waiting');
    // A treadmill on a 0.1 km/h grid is asked for speeds on its grid: standing one step off is not there.
    const km = await inControl();
    const exact = km.control.setSpeed(14);
    km.control.treadmillData(data(13.9));
    km.control.treadmillData(data(13.9));
    expect(await settled(exact)).to.equal('waiting');
  });
  it('does not confirm a speed from one reading the belt passes through on its way to another', async () => {
    // The belt climbs to 16 km/h (the runner's hand on the console) past the 12 km/h asked.
    const r = await inControl();
    r.control.treadmillData(data(8));
    const speed = r.control.setSpeed(12);
    for (const kmh of [10, 12, 14, 16, 16, 16, 16, 16, 16]) {
      r.clock.advance(1000);
      r.control.treadmillData(data(kmh));
    }
    expect(await speed).to.deep.equal({ ok: false, failure: 'no-answer', message: 'The belt stopped at 16.0 km/h, above the 12.0 km/h asked.' });
  });

  it('says a belt that stood still above the target stopped above it', async () => {
    const r = await inControl();
    r.control.treadmillData(data(8));
    const speed = r.control.setSpeed(12);
    for (const kmh of [9, 10, 11, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5]) {
      r.clock.advance(1000);
      r.control.treadmillData(data(kmh));
    }
    expect(await speed).to.deep.equal({ ok: false, failure: 'no-answer', message: 'The belt stopped at 12.5 km/h, above the 12.0 km/h asked.' });
  });
  it('confirms a Start when the belt visibly starts in Treadmill Data, and a Stop or Pause when it comes to a stand', async () => {
    const r = await inControl();
    r.control.treadmillData(data(0));
    const start = r.control.start();
    r.clock.advance(1000);
    r.control.treadmillData(data(0));
    expect(await settled(start), 'a belt still standing').to.equal('waiting');
    r.clock.advance(1000);
    r.control.treadmillData(data(1));
    expect(await settled(start)).to.deep.equal({ ok: true, confirmedBy: 'treadmill-data', message: 'The belt was started.' });
    for (const [ask, message] of [['stop', 'The belt was stopped.'], ['pause', 'The belt was paused.']] as const) {
      r.control.treadmillData(data(6));
      const halt = r.control[ask]();
      for (const kmh of [5, 3, 1]) r.control.treadmillData(data(kmh));
      expect(await settled(halt), `${ask}: a belt slowing down`).to.equal('waiting');
      r.control.treadmillData(data(0));
      expect(await settled(halt)).to.deep.equal({ ok: true, confirmedBy: 'treadmill-data', message });
    }
    // A belt already standing when Stop went out, or running when Start did, shows nothing.
    const still = r.control.stop();
    r.control.treadmillData(data(0));
    expect(await settled(still)).to.equal('waiting');
    r.clock.advance(5000);
    await still;
    r.control.treadmillData(data(8));
    const again = r.control.start();
    r.control.treadmillData(data(8));
    expect(await settled(again)).to.equal('waiting');
  });

  it('does not confirm a Stop by a 0x02 without parameter while the Pause it replaced is still owed its answer', async () => {
    const r = await inControl();
    const pause = r.control.pause();
    await flush();
    const stop = r.control.stop();
    expect(await pause).to.include({ failure: 'superseded' });
    await flush();
    r.control.status(view(0x02)); // the Pause's, as likely as the Stop's
    expect(await settled(stop)).to.equal('waiting');
    r.control.status(view(0x02, 0x01));
    expect(await settled(stop)).to.include({ ok: true, confirmedBy: 'status', message: 'The belt was stopped.' });
  });
});
