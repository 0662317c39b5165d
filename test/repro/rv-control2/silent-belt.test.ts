/// <reference types="mocha" />
// rv-control2: a silent treadmill confirmed from Treadmill Data (treadmill-control-silent.ts).
// Issue 19: "a treadmill that never indicates is confirmed from Status and Treadmill Data".
import { expect } from '@open-wc/testing';
import { data, inControl, settled } from '../../support/treadmill-control-rig.js';

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
