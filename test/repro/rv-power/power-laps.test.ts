// rv-power: lap power in the files a runner exports.
import { expect } from '@open-wc/testing';
import { encodeFit } from '../../../src/export/fit.js';
import { lapSplits } from '../../../src/export/lap-splits.js';
import { encodeTcx } from '../../../src/export/tcx.js';
import { lapSplits as pageLapSplits } from '../../../src/session/splits.js';
import { generatedSession } from '../../support/generated-sessions.js';
import { readWatchFit } from '../../support/watch-fit-readback.js';

const START = Date.UTC(2026, 11, 7, 6, 30);

/** 1 Hz, 0-20 s, a lap pressed at 10 s; the lap's last second (9-10 s, the row at 10 s) a 400 W kick. */
function kickIntoTheLap() {
  const run = generatedSession({ startedAt: START, minutes: 20 / 60, cadenceBase: 170, speed: 3, laps: [10] });
  const { t, powerW } = run.samples;
  for (let i = 0; i < t.length; i++) powerW[i] = t[i]! < 10 ? 200 : t[i] === 10 ? 400 : 100;
  return run;
}

describe('rv-power: lap average power', () => {
  // Why it matters: with workouts "each step is a lap in the recording", and a runner reads each
  // lap's Avg Power on the watch platform the FIT goes to (and AvgWatts in TCX). lap-splits.ts
  // says a lap's power is "time-weighted over the lap's samples" and its laps "add up to the
  // session by the same gap rules", and the page's own lap split gives the second 9-10 s (owned
  // by the row at 10 s, the press) to lap 1. The power average slices rows [press, next press),
  // so the row at the next press is cut off and the lap's first row owns nothing: the second
  // before every lap press is in no lap's power. Here lap 1 is 9 s at 200 W and 1 s at 400 W.
  it("counts the second before a lap press in the lap it ends, as the lap's time and cadence do", () => {
    const run = kickIntoTheLap();
    const page = pageLapSplits(run.samples, run.meta.laps, run.meta.gaps);
    expect(page.map((lap) => lap.durationS), 'the page: lap 1 is 10 s, lap 2 is 10 s').to.deep.equal([10, 10]);
    const laps = lapSplits(run);
    expect(laps.map((lap) => lap.avgPowerW), 'lap power over the laps’ own seconds').to.deep.equal([220, 100]);

    const { messages } = readWatchFit(encodeFit(run));
    expect(messages.lapMesgs?.map((lap) => lap.avgPower), 'FIT lap Avg Power').to.deep.equal([220, 100]);
    const session = messages.sessionMesgs?.[0]?.avgPower;
    expect(session, 'the session: 9 s × 200 + 400 + 10 s × 100 over 20 s').to.equal(160);

    expect(encodeTcx(run).match(/<ns3:AvgWatts>(\d+)<\/ns3:AvgWatts>/g), 'TCX lap AvgWatts').to.deep.equal([
      '<ns3:AvgWatts>220</ns3:AvgWatts>',
      '<ns3:AvgWatts>100</ns3:AvgWatts>',
    ]);
  });
});
