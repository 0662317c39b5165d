import { expect } from '@open-wc/testing';
import { cadenceTrend, trendShape, trendText } from '../../src/charts/cadence-trend.js';
import type { SessionSummary } from '../../src/session/recorded-session.js';
import { defaultCadenceZones } from '../../src/session/zones.js';

const run = (id: string, startedAt: number, avgCadence: number, sport?: 'run' | 'walk'): SessionSummary => ({
  id,
  startedAt,
  name: '',
  notes: '',
  deviceName: null,
  origin: 'bluetooth',
  status: 'complete',
  movingS: 600,
  elapsedS: 600,
  distanceM: 1800,
  avgSpeedMps: 3,
  avgCadence,
  zoneTimes: { low: 0, building: 0, target: 600, high: 0 },
  zones: { ...defaultCadenceZones },
  cadenceBySpeedBand: {},
  sampleCount: 600,
  ...(sport ? { sport } : {}),
});

describe('cadence trend', () => {
  it('takes the last runs by date, oldest first, leaving out walks and runs without cadence', () => {
    const sessions = [run('c', 3, 170), run('a', 1, 160), run('walk', 4, 110, 'walk'), run('none', 5, 0), run('b', 2, 165), run('d', 6, 172)];
    expect(cadenceTrend(sessions).map((p) => [p.id, p.cadence])).to.deep.equal([['a', 160], ['b', 165], ['c', 170], ['d', 172]]);
    expect(cadenceTrend(sessions, 2).map((p) => p.id)).to.deep.equal(['c', 'd']);
    const many = Array.from({ length: 30 }, (_, i) => run(`r${i}`, i, 150 + i));
    expect(cadenceTrend(many).map((p) => p.id)).to.deep.equal(Array.from({ length: 20 }, (_, i) => `r${i + 10}`));
  });

  it('lays the runs across the box with the target zone as a band, y holding both', () => {
    const points = cadenceTrend([run('a', 1, 160), run('b', 2, 175), run('c', 3, 184)]);
    // y from 158 (160 − 2) to 186 (184 + 2) over 28 px: one px a step per minute.
    const shape = trendShape(points, defaultCadenceZones, 100, 28);
    expect([shape.min, shape.max]).to.deep.equal([158, 186]);
    expect(shape.line).to.equal('0,26 50,11 100,2');
    expect(shape.band).to.deep.equal({ y: 6, height: 10 });
  });

  it('says the trend in words: first and last run, and the target', () => {
    expect(trendText(cadenceTrend([run('a', 1, 163.6), run('b', 2, 171.2)]), defaultCadenceZones)).to.equal(
      'Average cadence over your last 2 runs: 164 → 171 steps/min (target 170–180).',
    );
    expect(trendText(cadenceTrend([run('a', 1, 163.6)]), defaultCadenceZones)).to.equal('Average cadence of your one run: 164 steps/min (target 170–180).');
    expect(trendText([], defaultCadenceZones)).to.equal('');
  });
});
