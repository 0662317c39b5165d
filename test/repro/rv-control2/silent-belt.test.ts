/// <reference types="mocha" />
// rv-control2: a silent treadmill confirmed from Treadmill Data (treadmill-control-silent.ts).
// Issue 19: "a treadmill that never indicates is confirmed from Status and Treadmill Data".
import { expect } from '@open-wc/testing';
import { data, inControl, settled } from '../../support/treadmill-control-rig.js';

describe('rv-control2: silent treadmill, Treadmill Data', () => {
  it('does not confirm a speed from one reading the belt passes through on its way to another speed', async () => {
    // A silent treadmill that did not take 12 km/h while its belt climbs to 16 (the runner's hand on
    // the console, or an earlier command carried out late): one reading of 12.0 on the way up ends
    // the command as "The belt speed is set to 12.0 km/h", and the workout believes the belt is at
    // 12 while it runs at 16. The code's own mph rule wants two still readings, because "one
    // reading could be a belt passing by"; a reading exactly at the target is taken from one.
    const r = await inControl();
    r.control.treadmillData(data(8));
    const speed = r.control.setSpeed(12);
    for (const kmh of [10, 12, 14, 16, 16, 16, 16, 16, 16]) {
      r.clock.advance(1000);
      r.control.treadmillData(data(kmh));
    }
    r.clock.advance(5000);
    const outcome = await settled(speed);
    expect(outcome, 'the belt stands at 16 km/h').to.not.deep.equal({ ok: true, confirmedBy: 'treadmill-data', message: 'The belt speed is set to 12.0 km/h.' });
    expect(outcome).to.include({ ok: false });
  });
});

describe('rv-control2: silent treadmill, words for a belt that stood still', () => {
  it('does not say a belt that stopped above the target stopped short of it', async () => {
    // A silent treadmill asked for 12 km/h ramps up and stands at 12.5 km/h (it overshot, or it
    // runs its own 0.5 km/h steps): the runner is told "The belt stopped at 12.5 km/h, short of
    // 12.0 km/h." A belt faster than the workout asked is the case that matters most to a runner
    // (issue 19: "the belt doing exactly what the workout says and nothing else"), and the words
    // say the opposite of what it is doing.
    const r = await inControl();
    r.control.treadmillData(data(8));
    const speed = r.control.setSpeed(12);
    for (const kmh of [9, 10, 11, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5]) {
      r.clock.advance(1000);
      r.control.treadmillData(data(kmh));
    }
    const outcome = await settled(speed);
    expect(outcome).to.include({ ok: false, failure: 'no-answer' });
    expect((outcome as { message: string }).message).to.not.include('short of');
    expect((outcome as { message: string }).message).to.include('12.5 km/h');
  });
});

describe('rv-control2: silent treadmill without status', () => {
  it('confirms a Start from Treadmill Data when the belt visibly starts, as it does a speed', async () => {
    // Issue 19: "a treadmill that never indicates is confirmed from Status and Treadmill Data". A
    // treadmill that never indicates and sends no status for a Start (its 0x2ADA stays quiet)
    // starts its belt: Treadmill Data climbs from 0 to 3 km/h. The Start still ends "The treadmill
    // did not answer within 5 s.", and the workout runner pauses the workout on a failed Start
    // ("The workout is paused: press Resume to try again") while the belt runs under the runner;
    // every Resume does the same. Speeds on the same treadmill are confirmed from Treadmill Data.
    const r = await inControl();
    r.control.treadmillData(data(0));
    const start = r.control.start();
    for (const kmh of [0, 1, 2, 3, 3, 3]) {
      r.clock.advance(1000);
      r.control.treadmillData(data(kmh));
    }
    expect(await settled(start)).to.include({ ok: true, message: 'The belt was started.' });
  });
});
