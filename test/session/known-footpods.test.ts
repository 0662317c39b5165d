import { expect } from '@open-wc/testing';
import {
  MOST_KNOWN_FOOTPODS,
  type KnownFootpod,
  knownFootpod,
  knownFootpodsFrom,
  rememberFootpod,
  withOverride,
} from '../../src/session/known-footpods.js';

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
