import { expect } from '@open-wc/testing';
import { voiceReason } from '../../src/services/workout-mode.js';
import type { SensorSource } from '../../src/sources/sensor-source.js';
import type { TreadmillCapabilities } from '../../src/sources/treadmill-control.js';

const feature = { speedTargetSupported: true, inclinationTargetSupported: true } as unknown as TreadmillCapabilities['feature'];
const treadmill = (capabilities: TreadmillCapabilities | null, state = 'connected'): SensorSource =>
  Object.assign(new EventTarget(), { state, control: Object.assign(new EventTarget(), { capabilities }) }) as unknown as SensorSource;
const drivable: TreadmillCapabilities = { feature, speed: { minKmh: 0.5, maxKmh: 18, incrementKmh: 0.1 }, incline: null, controlPoint: true };

describe('workout mode', () => {
  it('drives a connected treadmill with a control point that takes a target speed', () => {
    expect(voiceReason(treadmill(drivable))).to.equal(null);
  });

  it('runs by voice with no treadmill, one that is not connected, or one without a control point', () => {
    expect(voiceReason(null)).to.contain('No treadmill is connected');
    expect(voiceReason(treadmill(drivable, 'reconnecting'))).to.contain('No treadmill is connected');
    expect(voiceReason(treadmill({ ...drivable, controlPoint: false }))).to.contain('takes no commands');
  });

  it('runs by voice, and says why before any confirmation, when the treadmill’s own speed range rules driving out', () => {
    const cannotDrive = 'This treadmill reports a speed range of 0.0 to 0.0 km/h, so the app cannot set its speed.';
    expect(voiceReason(treadmill({ ...drivable, speed: null, cannotDrive }))).to.equal(`${cannotDrive} The workout runs by screen and voice.`);
  });
});
