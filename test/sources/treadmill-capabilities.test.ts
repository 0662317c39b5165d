/// <reference types="mocha" />
// What a treadmill can be asked to do, from the ranges it reported: a speed range no belt can run
// (0 to 0, upside down) means the belt cannot be driven, said in words, and nothing is written.
import { expect } from '@open-wc/testing';
import { capabilitiesFrom } from '../../src/sources/treadmill-capabilities.js';
import { flush, rig } from '../support/treadmill-control-rig.js';

const read = { feature: null, controlPoint: true };
const speed = (minKmh: number, maxKmh: number) => ({ minKmh, maxKmh, incrementKmh: 0.1 });
const incline = (minPercent: number, maxPercent: number) => ({ minPercent, maxPercent, incrementPercent: 0.5 });

describe('treadmill capabilities from the ranges read', () => {
  it('keeps ranges a belt can run as they are', () => {
    expect(capabilitiesFrom({ ...read, speed: speed(0, 20), incline: incline(-3, 15) })).to.deep.equal({
      ...read,
      speed: speed(0, 20),
      incline: incline(-3, 15),
    });
    expect(capabilitiesFrom({ ...read, speed: speed(5, 5), incline: null })).to.deep.equal({ ...read, speed: speed(5, 5), incline: null });
  });

  it('says in words that a belt with a speed range of 0 to 0, or upside down, cannot be driven, and clamps against neither', () => {
    expect(capabilitiesFrom({ ...read, speed: speed(0, 0), incline: incline(0, 15) })).to.deep.equal({
      ...read,
      speed: null,
      incline: incline(0, 15),
      cannotDrive: 'This treadmill reports a speed range of 0.0 to 0.0 km/h, so the app cannot set its speed.',
    });
    expect(capabilitiesFrom({ ...read, speed: speed(20, 1), incline: null }).cannotDrive).to.equal(
      'This treadmill reports a speed range of 20.0 to 1.0 km/h, so the app cannot set its speed.',
    );
  });

  it('rules out only the incline when its range leaves nothing to set', () => {
    for (const range of [incline(0, 0), incline(15, -3)]) {
      const capabilities = capabilitiesFrom({ ...read, speed: speed(1, 20), incline: range });
      expect(capabilities.speed).to.deep.equal(speed(1, 20));
      expect(capabilities.incline).to.equal(null);
      expect(capabilities.cannotDrive).to.equal(undefined);
    }
    expect(capabilitiesFrom({ ...read, speed: null, incline: incline(0, 0) }).cannotIncline).to.equal(
      'This treadmill reports an incline range of 0.0 % to 0.0 %, so the app cannot set its incline.',
    );
  });

  it('the control refuses, in those words and without writing, control of a belt it cannot drive and an incline it cannot set', async () => {
    // A refused Request Control is what turns a starting workout to screen and voice.
    const belt = rig(capabilitiesFrom({ ...read, speed: speed(0, 0), incline: null }));
    expect(await belt.control.requestControl()).to.deep.equal({ ok: false, failure: 'refused', message: belt.control.capabilities!.cannotDrive });
    const deck = rig(capabilitiesFrom({ ...read, speed: speed(1, 20), incline: incline(0, 0) }));
    const asked = deck.control.requestControl();
    deck.control.indication(new DataView(Uint8Array.of(0x80, 0x00, 0x01).buffer));
    expect((await asked).ok).to.equal(true);
    expect(await deck.control.setIncline(2)).to.deep.equal({ ok: false, failure: 'refused', message: deck.control.capabilities!.cannotIncline });
    await flush();
    expect([...belt.writes, ...deck.writes]).to.deep.equal([[0x00]]);
  });
});
