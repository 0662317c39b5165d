import { expect } from '@open-wc/testing';
import {
  MOST_KNOWN_FOOTPODS,
  type KnownFootpod,
  knownFootpod,
  knownFootpodsFrom,
  calibrationOf,
  rememberFootpod,
  withAutoCalibrationLock,
  withCalibration,
  withOverride,
} from '../../src/session/known-footpods.js';
import { MOST_CALIBRATION_POINTS } from '../../src/session/calibration-points.js';

const polar: KnownFootpod = { id: 'bluetooth:q1w2e3==', name: 'Polar Stride', detected: 'strides', override: 'auto' };
const stryd: KnownFootpod = { id: 'bluetooth:z9x8==', name: 'Stryd', detected: 'steps', override: 'steps' };

describe('knownFootpodsFrom', () => {
  it('keeps a valid list as it is', () => {
    expect(knownFootpodsFrom([polar, stryd])).to.deep.equal([polar, stryd]);
  });

  it('drops or repairs damaged entries one by one', () => {
    const stored = [
      null,
      'Stryd',
      { name: 'no id' },
      { id: '' },
      { id: 42 },
      { id: 'simulator:simulated', name: 7, detected: 'hops', override: 'both' },
      { ...polar, name: 'x'.repeat(500) },
      { ...polar, name: 'a copy' },
    ];
    expect(knownFootpodsFrom(stored)).to.deep.equal([
      { id: 'simulator:simulated', name: null, detected: null, override: 'auto' },
      { ...polar, name: null },
    ]);
  });

  it('gives an empty list for anything that is not a list', () => {
    for (const garbage of [undefined, null, 3, 'pods', { 0: polar }]) expect(knownFootpodsFrom(garbage)).to.deep.equal([]);
  });

  it(`keeps at most ${MOST_KNOWN_FOOTPODS} pods`, () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...polar, id: `bluetooth:${i}` }));
    const kept = knownFootpodsFrom(many);
    expect(kept.length).to.equal(MOST_KNOWN_FOOTPODS);
    expect(kept[0]!.id).to.equal('bluetooth:0');
  });
});

describe('rememberFootpod and withOverride', () => {
  it('adds a new pod first, undetected and automatic', () => {
    const pods = rememberFootpod([stryd], { id: 'bluetooth:new', name: 'RunScribe' });
    expect(pods).to.deep.equal([{ id: 'bluetooth:new', name: 'RunScribe', detected: null, override: 'auto' }, stryd]);
  });

  it('moves a known pod first and keeps what was known unless changed', () => {
    const pods = rememberFootpod([stryd, polar], { id: polar.id, name: null }, { detected: 'steps' });
    expect(pods).to.deep.equal([{ ...polar, detected: 'steps' }, stryd]);
    expect(knownFootpod(pods, stryd.id)).to.equal(stryd);
    expect(knownFootpod(pods, 'bluetooth:other')).to.equal(undefined);
  });

  it('drops the pod seen longest ago past the limit', () => {
    const full = Array.from({ length: MOST_KNOWN_FOOTPODS }, (_, i) => ({ ...polar, id: `bluetooth:${i}` }));
    const pods = rememberFootpod(full, { id: 'bluetooth:new', name: 'New' });
    expect(pods.length).to.equal(MOST_KNOWN_FOOTPODS);
    expect(pods[0]!.id).to.equal('bluetooth:new');
    expect(knownFootpod(pods, `bluetooth:${MOST_KNOWN_FOOTPODS - 1}`)).to.equal(undefined);
  });

  it('changes one override in place', () => {
    expect(withOverride([stryd, polar], polar.id, 'steps')).to.deep.equal([stryd, { ...polar, override: 'steps' }]);
  });
});

describe('a known pod\'s calibration', () => {
  const curve = [
    { podSpeedMps: 2.5, factor: 0.9 },
    { podSpeedMps: 4, factor: 0.95 },
  ];

  it('is none (factor 1) and unlocked for a pod stored before calibration was kept', () => {
    const [pod] = knownFootpodsFrom([{ id: 'bluetooth:old', name: 'Old', detected: 'steps', override: 'auto' }]);
    expect(calibrationOf(pod)).to.deep.equal([]);
    expect(pod!.autoCalibrationLocked ?? false).to.equal(false);
    expect(pod).to.deep.equal({ id: 'bluetooth:old', name: 'Old', detected: 'steps', override: 'auto' });
  });

  it('keeps only sane points, sorted, at most 8, and a lock that is really true', () => {
    const stored = [
      { podSpeedMps: 4, factor: 0.95 },
      { podSpeedMps: 2.5, factor: 0.9 },
      { podSpeedMps: 3, factor: 1.6 }, // beyond any pod's error
      { podSpeedMps: -1, factor: 0.9 },
      { podSpeedMps: 0, factor: 0.9 },
      { podSpeedMps: '3', factor: 0.9 },
      { podSpeedMps: Number.POSITIVE_INFINITY, factor: 0.9 },
      { podSpeedMps: 3.5, factor: Number.NaN },
      null,
      'point',
    ];
    const [pod] = knownFootpodsFrom([{ ...polar, calibration: stored, autoCalibrationLocked: true }]);
    expect(pod!.calibration).to.deep.equal(curve);
    expect(pod!.autoCalibrationLocked).to.equal(true);
    const many = Array.from({ length: 12 }, (_, i) => ({ podSpeedMps: 12 - i, factor: 0.95 }));
    const [full] = knownFootpodsFrom([{ ...polar, calibration: many, autoCalibrationLocked: 'yes' }]);
    // Thinned by merging the closest points, never by dropping the fastest: 1 to 12 m/s stay covered.
    expect(full!.calibration!.map((p) => p.podSpeedMps)).to.deep.equal([1.5, 3.5, 5.5, 7.5, 9, 10, 11, 12]);
    expect(full!.calibration).to.have.length(MOST_CALIBRATION_POINTS);
    expect(full!.autoCalibrationLocked ?? false).to.equal(false);
    expect(knownFootpodsFrom([{ ...polar, calibration: 'fast' }])[0]).to.deep.equal(polar);
  });

  it('is set, locked and kept when the pod is seen again', () => {
    let pods = withCalibration([stryd, polar], polar.id, curve);
    pods = withAutoCalibrationLock(pods, polar.id, true);
    expect(pods).to.deep.equal([stryd, { ...polar, calibration: curve, autoCalibrationLocked: true }]);
    pods = rememberFootpod(pods, { id: polar.id, name: 'Polar Stride 2' }, { detected: 'strides' });
    expect(pods[0]).to.deep.equal({ ...polar, name: 'Polar Stride 2', calibration: curve, autoCalibrationLocked: true });
    expect(withCalibration(pods, polar.id, [{ podSpeedMps: 3, factor: 2 }])[0]).to.not.have.property('calibration');
    expect(withAutoCalibrationLock(pods, polar.id, false)[0]).to.deep.equal({ ...polar, name: 'Polar Stride 2', calibration: curve });
  });
});
