// A watch's first record usually carries some distance already (the watch counted from its
// start button; its first record here is 1 s in at 3 m). With no session message, the run's
// distance is the records' last value (session-summary.ts: 5010 m, reads 5.01 km), but the
// splits table measures from the first record (splits.ts distanceSplits: last - first = 5007 m),
// so its last row, whose label "says where the split ends", reads 5.00 km under a run of
// 5.01 km, and the km marks sit 3 m later than the run's own distance axis says.
// Expected: the last split's label equals the run's shown distance.
import { expect } from '@open-wc/testing';
import { decodeFit } from '../../src/export/fit-decode.js';
import { importedSummary } from '../../src/export/imported-summary.js';
import { distanceSplits } from '../../src/session/splits.js';
import { formatDistanceIn } from '../../src/session/units.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { fitFileOf, runRecord, timerEvent } from '../support/fit-messages.js';

describe('an imported run whose first record has distance', () => {
  it('ends its splits at the distance the run shows', () => {
    const records = [];
    for (let s = 1; s <= 1670; s++) records.push(runRecord(s, { distance: 3 * s, speed: 3 }));
    const run = decodeFit(fitFileOf([timerEvent('start', 0), ...records, timerEvent('stopAll', 1670)]));
    const summary = importedSummary(run, defaultCadenceZones);
    const shown = `${formatDistanceIn(summary.distanceM, 'km')} km`;
    const lastSplit = distanceSplits(run.samples, 'km', run.gaps).at(-1)!.label;
    expect({ shown, lastSplit }).to.deep.equal({ shown, lastSplit: shown });
  });
});
