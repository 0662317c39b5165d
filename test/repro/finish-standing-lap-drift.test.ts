import { expect } from '@open-wc/testing';
import { Recorder } from '../../src/session/recorder.js';
import { lapSplits } from '../../src/session/splits.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { runnerReading } from '../support/live-readings.js';
import { formatDistanceIn } from '../../src/session/units.js';

// 19be319: "Lap at the finish, standing until auto-pause, then Stop saved a final 'Lap 2' of 11 s
// and 0.00 km" - now dropped, but only when the standing covered exactly 0 m. A pod standing still
// rarely reads exactly 0: the app's own tests model standing as 0.25 m/s at cadence 0 (recorder.test
// `still`). With the total creeping 0.02 m a second while the runner stands (0.2 m in 10 s), the
// standing lap is kept: the saved run ends with a 'Lap 2' of 0.00 km, not running, that no one ran.
describe('Lap at the finish, then standing on a pod that drifts a few cm', () => {
  it('saves no final 0.00 km standing lap', () => {
    const r = new Recorder({ zones: defaultCadenceZones, id: 'run', now: () => 0, autoPauseAfterS: 10 });
    r.start();
    for (let s = 0; s <= 120; s++) r.addReading(runnerReading(s));
    r.lap(); // at the finish line
    for (let s = 121; s <= 140; s++) r.addReading(runnerReading(s, { speedMps: 0.02, cadence: 0, running: false, distanceM: 360 + 0.02 * (s - 120) }));
    r.stop();
    const meta = r.meta();
    const laps = lapSplits(r.samples, meta.laps, meta.gaps).map((l) => `${l.label} ${formatDistanceIn(l.distanceM, 'km')}`);
    expect({ state: r.state, laps: meta.laps, shown: laps }).to.deep.equal({ state: 'stopped', laps: [], shown: ['Lap 1 0.36'] });
  });
});
