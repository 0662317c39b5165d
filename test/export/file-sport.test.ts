import { expect } from '@open-wc/testing';
import { fitSport, tcxSport } from '../../src/export/file-sport.js';
import { ImportError } from '../../src/export/import-error.js';

const refusal = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    expect(error).to.be.instanceOf(ImportError);
    expect((error as ImportError).problem).to.equal('not-a-run');
    return (error as Error).message;
  }
  throw new Error('it was not refused');
};

describe('fitSport', () => {
  it('reads runs and walks, on a treadmill or not; a file with no sport is a run', () => {
    expect(fitSport('running', 'treadmill')).to.deep.equal({ sport: 'run', treadmill: true });
    expect(fitSport('running', 'generic')).to.deep.equal({ sport: 'run', treadmill: false });
    expect(fitSport('running', 'indoorRunning')).to.deep.equal({ sport: 'run', treadmill: true });
    expect(fitSport('walking', 'indoorWalking')).to.deep.equal({ sport: 'walk', treadmill: true });
    expect(fitSport('hiking', undefined)).to.deep.equal({ sport: 'walk', treadmill: false });
    expect(fitSport(undefined, undefined)).to.deep.equal({ sport: 'run', treadmill: false });
    expect(fitSport('generic', 'treadmill')).to.deep.equal({ sport: 'run', treadmill: true });
  });

  it('refuses every other sport by name, in words', () => {
    expect(refusal(() => fitSport('cycling', 'road'))).to.match(/cycling activity \(a bike ride\), not a run or a walk/);
    expect(refusal(() => fitSport('crossCountrySkiing', undefined))).to.match(/a cross country skiing activity/);
    expect(refusal(() => fitSport(254, undefined))).to.match(/FIT sport number 254/);
  });
});

describe('tcxSport', () => {
  it('reads Running as a run and Other with running cadence as a walk', () => {
    expect(tcxSport('Running', true)).to.deep.equal({ sport: 'run', treadmill: false });
    expect(tcxSport(null, false)).to.deep.equal({ sport: 'run', treadmill: false });
    expect(tcxSport('Other', true)).to.deep.equal({ sport: 'walk', treadmill: false });
  });

  it('refuses a bike ride and an Other with no running cadence, by name', () => {
    expect(refusal(() => tcxSport('Biking', false))).to.match(/bike ride \(TCX sport "Biking"\)/);
    expect(refusal(() => tcxSport('Other', false))).to.match(/TCX sport "Other" with no running cadence/);
  });
});
