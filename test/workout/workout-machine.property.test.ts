// The workout machine's safety rules over generated workouts and event orders: presses, irregular
// ticks, statuses, lost links, hidden pages and the treadmill's answers (ok or not, in any order
// the one-at-a-time rule allows), in belt and voice mode, with hold-pace and send-early on or off.

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { FitnessMachineStatus } from '../../src/ble/ftms-status.js';
import type { BeltLimits } from '../../src/workout/belt-limits.js';
import type { MachineCommand, MachineEvent } from '../../src/workout/workout-machine.js';
import type { PlannedStep } from '../../src/workout/workout-types.js';
import { invariantRuns } from '../support/invariant-runs.js';
import { MachineDriver, planned } from './workout-machine-driver.js';

const stepArb = fc.record({
  length: fc.oneof(
    fc.record({ kind: fc.constant('time' as const), seconds: fc.integer({ min: 1, max: 120 }) }),
    fc.record({ kind: fc.constant('distance' as const), metres: fc.integer({ min: 10, max: 400 }) }),
  ),
  speedKmh: fc.option(fc.double({ min: 1, max: 30, noNaN: true })),
  inclinePercent: fc.option(fc.double({ min: -10, max: 30, noNaN: true })),
});
const stepsArb = fc.array(stepArb, { minLength: 1, maxLength: 8 }).map((steps): PlannedStep[] =>
  steps.map((s, index) => planned(s.length, s.speedKmh, s.inclinePercent, index)),
);
const limitsArb = fc.record({
  speed: fc.option(fc.record({ minKmh: fc.constantFrom(0.5, 1), maxKmh: fc.integer({ min: 12, max: 25 }), incrementKmh: fc.constantFrom(0.01, 0.1, 0.5) })),
  incline: fc.option(fc.record({ minPercent: fc.constantFrom(-3, 0), maxPercent: fc.integer({ min: 5, max: 15 }), incrementPercent: fc.constantFrom(0.1, 0.5, 1) })),
  maxSpeedKmh: fc.integer({ min: 6, max: 20 }),
  maxInclinePercent: fc.integer({ min: 2, max: 15 }),
});

const statuses: FitnessMachineStatus[] = [
  { kind: 'stopped-or-paused-by-user', how: 'stop' },
  { kind: 'stopped-or-paused-by-user', how: 'pause' },
  { kind: 'stopped-by-safety-key' },
  { kind: 'control-permission-lost' },
  { kind: 'started-or-resumed' },
  { kind: 'target-speed-changed', kmh: 9 },
];
const SAFETY = new Set(['stopped-or-paused-by-user', 'stopped-by-safety-key', 'control-permission-lost']);
const PRESSES = new Set(['start', 'confirm', 'pause', 'resume', 'stop', 'skip']);

type Act =
  | { kind: 'press'; press: 'confirm' | 'pause' | 'resume' | 'stop' | 'skip' | 'cancel' }
  | { kind: 'tick'; seconds: number }
  | { kind: 'status'; status: FitnessMachineStatus }
  | { kind: 'link'; up: boolean }
  | { kind: 'visibility'; hidden: boolean }
  | { kind: 'answer'; ok: boolean; failure: string };

const actArb: fc.Arbitrary<Act> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('press' as const), press: fc.constantFrom('confirm', 'pause', 'resume', 'stop', 'skip', 'cancel') }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('tick' as const), seconds: fc.oneof(fc.constant(1), fc.double({ min: 0.1, max: 90, noNaN: true })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom(...statuses) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('link' as const), up: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('visibility' as const), hidden: fc.boolean() }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('answer' as const), ok: fc.boolean(), failure: fc.constantFrom('refused', 'no-answer', 'not-permitted', 'link-lost') }) },
);

const scenarioArb = fc.record({
  steps: stepsArb,
  limits: limitsArb,
  mode: fc.constantFrom('belt' as const, 'belt' as const, 'voice' as const),
  confirmed: fc.boolean(),
  holdPace: fc.boolean(),
  sendEarly: fc.boolean(),
  lagS: fc.option(fc.double({ min: 0.5, max: 8, noNaN: true })),
  acts: fc.array(actArb, { maxLength: 80 }),
});

/** The highest speed and incline the limits allow (the runner's cap and the treadmill's range). */
const speedCap = (l: BeltLimits) => Math.min(l.maxSpeedKmh, l.speed?.maxKmh ?? Infinity);
const inclineCap = (l: BeltLimits) => Math.min(l.maxInclinePercent, l.incline?.maxPercent ?? Infinity);

const runs = { numRuns: invariantRuns(200) };

describe('workout machine invariants over generated workouts and event orders', () => {
  it('never sends a speed or incline above the limits (or below the treadmill’s minimum)', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        replay(scenario, (_event, commands) => {
          for (const command of commands) {
            if (command.kind === 'speed') {
              expect(command.value!).to.be.at.most(speedCap(scenario.limits) + 1e-9);
              expect(command.value!).to.be.at.least(scenario.limits.speed?.minKmh ?? 0);
            }
            if (command.kind === 'incline') expect(command.value!).to.be.at.most(inclineCap(scenario.limits) + 1e-9);
          }
        });
      }),
      runs,
    );
  });

  it('never starts or resumes the belt without a runner’s press since it last stopped, and sends nothing in voice mode', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        // A press allows one start; whatever stops the workout (and the start itself) takes it away.
        let allowed = false;
        replay(scenario, (event, commands) => {
          if (event.kind === 'start' || event.kind === 'confirm' || event.kind === 'resume') allowed = true;
          if (event.kind === 'pause' || event.kind === 'stop' || (event.kind === 'link' && !event.up) || (event.kind === 'visibility' && event.hidden)) allowed = false;
          if (event.kind === 'status' && SAFETY.has(event.status.kind)) allowed = false;
          for (const command of commands) {
            expect(scenario.mode, 'voice mode sends nothing').to.equal('belt');
            if (command.kind !== 'start') continue;
            expect(allowed, `start after ${event.kind}`).to.equal(true);
            allowed = false;
          }
        });
      }),
      runs,
    );
  });

  it('sends nothing after a stopping status, a lost link or a hidden page until the runner presses something', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        let blocked: string | null = null;
        replay(scenario, (event, commands, wasActive) => {
          if (PRESSES.has(event.kind)) blocked = null;
          if (blocked !== null) expect(commands, `after ${blocked}, on ${event.kind}`).to.deep.equal([]);
          if (wasActive && event.kind === 'status' && SAFETY.has(event.status.kind)) blocked = event.status.kind;
          if (event.kind === 'link' && !event.up) blocked = 'lost link';
          if (event.kind === 'visibility' && event.hidden) blocked = 'hidden page';
        });
      }),
      runs,
    );
  });

  it('has one ordinary command out at a time, and sets each step’s speed at most once between Resumes', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        let perStep = new Map<number, number>();
        replay(scenario, (event, commands, _wasActive, d) => {
          if (event.kind === 'resume' || event.kind === 'start' || event.kind === 'confirm') perStep = new Map();
          for (const c of commands) {
            if (c.kind === 'speed' && !c.correction) {
              perStep.set(c.step!, (perStep.get(c.step!) ?? 0) + 1);
              expect(perStep.get(c.step!), `speed of step ${c.step} again`).to.equal(1);
            }
          }
          const ordinary = d.open.filter((c) => c.kind !== 'stop' && c.kind !== 'pause');
          expect(ordinary.length, 'ordinary commands out').to.be.at.most(1);
        });
      }),
      runs,
    );
  });
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;
type Seen = (event: MachineEvent, commands: MachineCommand[], wasActive: boolean, d: MachineDriver) => void;

/** Plays a scenario, showing `seen` every event with the commands it caused. */
function replay(scenario: Scenario, seen: Seen): void {
  const d = new MachineDriver();
  const send = (event: MachineEvent): void => {
    const wasActive = ['starting', 'running', 'paused'].includes(d.state.phase);
    seen(event, d.send(event), wasActive, d);
  };
  send({
    kind: 'start',
    steps: scenario.steps,
    mode: scenario.mode,
    modeReason: null,
    limits: scenario.limits,
    confirmed: scenario.confirmed,
    settings: { holdPace: scenario.holdPace, sendEarly: scenario.sendEarly, lagS: scenario.lagS, unit: 'km' },
  });
  for (const act of scenario.acts) {
    if (act.kind === 'press') send({ kind: act.press });
    else if (act.kind === 'tick') {
      d.nowMs += act.seconds * 1000;
      d.distanceM += act.seconds * 3;
      send({ kind: 'tick', atMs: d.nowMs, distanceM: d.distanceM, beltKmh: 10, podKmh: 9.5 });
    } else if (act.kind === 'status') send({ kind: 'status', status: act.status });
    else if (act.kind === 'link') {
      send({ kind: 'link', up: act.up });
      // A lost link ends what was out, as the control does: no answer comes for it.
      if (!act.up) d.open.length = 0;
    } else if (act.kind === 'visibility') send({ kind: 'visibility', hidden: act.hidden });
    else {
      const command = d.open.shift();
      if (command) send({ kind: 'outcome', command, outcome: act.ok ? { ok: true, message: 'ok' } : { ok: false, message: 'no', failure: act.failure } });
    }
  }
}
