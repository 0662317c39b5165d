// A pod that cannot report walking or running gives the same run as one that can: the same stored
// samples and summary, the same coach events, the same auto-start and auto-pause, whatever bit it
// sends. The runs are generated (running, walking, standing, link losses) and go through the live
// session, the recorder (auto-start, auto-pause at 10 s) and the coach's rules, as the app wires them.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import type { CoachEvent } from '../../src/coach/coach-events.js';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import type { RunningStatus } from '../../src/session/gait.js';
import { LiveSession } from '../../src/session/live-session.js';
import { Recorder } from '../../src/session/recorder.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { type GaitSpell, generatedGaitRun } from '../support/generated-gait-runs.js';
import { invariantRuns } from '../support/invariant-runs.js';

/** The coach-service's cue smoothing. */
const CUE_SMOOTHING_S = 10;

interface Played {
  samples: Record<string, number[]>;
  meta: unknown;
  states: string[];
  events: CoachEvent[];
}

function play(spells: readonly GaitSpell[], status: RunningStatus, bitOf: (s: GaitSpell) => boolean): Played {
  const session = new LiveSession(defaultCadenceZones);
  session.useRunningStatus(status);
  let nowMs = Date.UTC(2026, 11, 1, 7);
  const recorder = new Recorder({ zones: defaultCadenceZones, autoStart: true, autoPauseAfterS: 10, id: 'run', now: () => nowMs });
  const rules = new CoachRules(defaultCoachSettings, defaultCadenceZones, undefined, () => 0);
  const states: string[] = [];
  const events: CoachEvent[] = [];
  recorder.addEventListener('state', () => states.push(`${recorder.state}${recorder.autoPaused ? ' (auto)' : ''}`));
  session.addEventListener('sample', () => {
    const latest = session.latest!;
    recorder.addReading(latest);
    const input = { timeS: latest.timeS, cadence: session.displayed(CUE_SMOOTHING_S).cadence, running: latest.running, paused: recorder.state === 'paused' };
    events.push(...rules.update(input));
  });
  let t = 0;
  for (const s of spells) {
    for (let i = 0; i < s.seconds; i++, t++) {
      nowMs += 1000;
      if (s.kind === 'lost') continue;
      const bytes = encodeRscMeasurement({ speedMps: s.speedMps, cadence: s.cadence, strideLengthM: null, totalDistanceM: null, isRunning: bitOf(s) });
      session.ingest(new DataView(bytes.buffer), t * 1000);
    }
  }
  recorder.stop();
  const columns = recorder.samples as unknown as Record<string, ArrayLike<number>>;
  const samples = Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, Array.from(column)]));
  return { samples, meta: recorder.meta(), states, events };
}

describe('gait invariants', () => {
  it('a pod without the status, or whose feature is unknown, gives the same stored run, coach events and auto-start/pause as one that reports it', () => {
    fc.assert(
      fc.property(generatedGaitRun, (spells) => {
        const truth = play(spells, 'reported', (s) => s.kind === 'run');
        const judged = play(spells, 'not-reported', (s) => s.junkBit);
        const sentZero = play(spells, 'not-reported', () => false);
        expect(judged).to.deep.equal(truth);
        expect(sentZero).to.deep.equal(truth);
        // A pod whose feature could not be read: believed once it says "running", judged until then.
        expect(play(spells, null, () => false), 'feature unknown, always "walking"').to.deep.equal(truth);
        expect(play(spells, null, (s) => s.kind === 'run'), 'feature unknown, the bit filled in').to.deep.equal(truth);
      }),
      { numRuns: invariantRuns(60) },
    );
  });
});
