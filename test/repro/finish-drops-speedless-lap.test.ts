import { expect } from '@open-wc/testing';
import { Recorder } from '../../src/session/recorder.js';
import { lapSplits } from '../../src/session/splits.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { runnerReading } from '../support/live-readings.js';

// finish() drops the last lap when it "covered no distance and never ran", meaning a press at the
// finish line followed by standing. But a pod without speed (cadence only: RSC speed 0, no total
// distance) gives every lap 0 m, and a walker's rows never run. A walk with laps pressed at 10 and
// 20 min (warm-up / brisk / cool-down, all at ~118 steps/min, clearly moving: cadence > 0) loses its
// 10-minute cool-down lap at Stop: it is folded into lap 2 (20 min, its cadence averaged with the
// cool-down's). Two presses, 10 min of stepping after the last: three laps, as the live screen showed.
describe('finish() on a walk from a pod without speed', () => {
  it('keeps the 10-minute cool-down lap', () => {
    const r = new Recorder({ zones: defaultCadenceZones, id: 'walk', now: () => 0 });
    const walk = (s: number, cadence: number) => runnerReading(s, { speedMps: 0, cadence, running: false, distanceM: 0 });
    r.start();
    for (let s = 0; s <= 600; s++) r.addReading(walk(s, 110));
    r.lap();
    for (let s = 601; s <= 1200; s++) r.addReading(walk(s, 125));
    r.lap();
    for (let s = 1201; s <= 1800; s++) r.addReading(walk(s, 105));
    expect(r.figures().lap.number, 'live screen: on lap 3').to.equal(3);
    r.stop();
    const meta = r.meta();
    const laps = lapSplits(r.samples, meta.laps, meta.gaps).map((l) => l.label);
    expect({ laps: meta.laps, labels: laps }).to.deep.equal({ laps: [600, 1200], labels: ['Lap 1', 'Lap 2', 'Lap 3'] });
  });
});
