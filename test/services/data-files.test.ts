// Importing watch files as the app stores them. A TCX file (or FIT records without an activity
// type) says nothing per record about walking: its records are judged by the app's gait rule, as
// a live pod that cannot say is, so a walk-run-walk's walks stay out of the running-only share
// and the plan's usual pace (counted as running, they gave 50 % in 168–178 and the walking pace).
import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { importRunFiles } from '../../src/services/data-files.js';
import { cadencePlan } from '../../src/coach/cadence-plan.js';
import { defaultPlanSettings } from '../../src/session/plan-settings.js';
import { runningTargetShare } from '../../src/session/running-time-in-zone.js';
import type { CadenceZones } from '../../src/session/zones.js';
import { listSessions } from '../../src/store/session-store.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';

useSeparateDatabase('stride-test-data-files');

const zones: CadenceZones = { buildingFrom: 158, targetFrom: 168, targetTo: 178 };

function walkRunWalkTcx(): string {
  const start = Date.UTC(2026, 5, 9, 6, 0, 0);
  const points: string[] = [];
  let distanceM = 0;
  for (let s = 0; s <= 2400; s++) {
    const running = s > 600 && s <= 1800;
    const speed = running ? 3.2 : 1.4;
    if (s > 0) distanceM += speed;
    points.push(
      `<Trackpoint><Time>${new Date(start + s * 1000).toISOString()}</Time><DistanceMeters>${distanceM.toFixed(2)}</DistanceMeters>` +
        `<Extensions><ns3:TPX><ns3:Speed>${speed.toFixed(3)}</ns3:Speed><ns3:RunCadence>${running ? 86 : 59}</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">',
    '<Activities><Activity Sport="Running">',
    `<Id>${new Date(start).toISOString()}</Id>`,
    `<Lap StartTime="${new Date(start).toISOString()}"><TotalTimeSeconds>2400.0</TotalTimeSeconds><DistanceMeters>${distanceM.toFixed(2)}</DistanceMeters>`,
    '<Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>',
    '<Track>',
    ...points,
    '</Track></Lap></Activity></Activities></TrainingCenterDatabase>',
  ].join('\n');
}

describe('walks in an imported watch run', () => {
  beforeEach(() => clear(kvStore()));

  it('leaves the 20 min of walking out of the running-only cadence and share, as for a run recorded live', async () => {
    const [outcome] = await importRunFiles([new File([walkRunWalkTcx()], 'walk-run-walk.tcx')], zones);
    expect(outcome!.ok, outcome!.message).to.equal(true);
    const [run] = await listSessions();
    // Running only: 20 min at 172 steps/min (86 strides/min in the file), all in 168–178.
    expect(runningTargetShare([run!], zones).share, 'share of running in 168–178').to.be.closeTo(1, 0.01);
  });

  it('judges the plan at the running pace, not at the walking pace of the walks (3 imported walk-run-walk runs)', async () => {
    const files = [0, 1, 2].map((i) => new File([walkRunWalkTcx().replaceAll('2026-06-09', `2026-06-0${7 + i}`)], `wrw-${i}.tcx`));
    await importRunFiles(files, zones);
    const runs = await listSessions();
    expect(runs.length).to.equal(3);
    const plan = cadencePlan(runs, { zones, plan: defaultPlanSettings, unit: 'km', now: Date.UTC(2026, 5, 10, 12) });
    // 20 min of each run at 3.2 m/s (band 6, 5:33–4:45/km); the walks at 1.4 m/s are not running.
    expect(plan.band, plan.reason).to.equal(6);
  });
});
