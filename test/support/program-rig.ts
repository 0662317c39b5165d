// The app's real services with a scripted pod and a coach whose outputs only write down what they
// would sound, and a program service on a clock the test fixes: the rig the program's service tests
// share, so each test keeps only the runner's steps it checks.
import { waitUntil } from '@open-wc/testing';
import { CoachRules } from '../../src/coach/coach-rules.js';
import { metronomeRate } from '../../src/coach/metronome-timing.js';
import type { ProgramState } from '../../src/program/program-types.js';
import type { CoachEngine } from '../../src/services/coach-service.js';
import { ProgramService } from '../../src/services/program-service.js';
import { type AppServices, createServices } from '../../src/services/services.js';
import { defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { loadProgram, saveProgram } from '../../src/store/program-store.js';
import { finishRun } from './finish-run.js';
import { programInBlock } from './program-states.js';
import { RecordingMetronome, RecordingOutput, RecordingWakeLock } from './recording-outputs.js';
import { ScriptedFootpod } from './scripted-footpod.js';

/** Seven in the morning on the day the program tests run (a fixed day, so schedules are the same each run). */
export const PROGRAM_TODAY = new Date(2026, 11, 7, 7).getTime();

export interface RecordingCoachEngine extends CoachEngine {
  output: RecordingOutput;
  metronome: RecordingMetronome;
}

/** The real coach rules (check-ins drawn with a fixed 0.5) with outputs that only record. */
export function recordingCoachEngine(): RecordingCoachEngine {
  return {
    rules: new CoachRules(defaultCoachSettings, defaultCadenceZones, undefined, () => 0.5),
    output: new RecordingOutput(),
    metronome: new RecordingMetronome(),
    wakeLock: new RecordingWakeLock(),
    metronomeRate,
  };
}

export interface PodServices {
  services: AppServices;
  pod: ScriptedFootpod;
  output: RecordingOutput;
  metronome: RecordingMetronome;
}

/** The app's services with settings loaded, a scripted pod connected and the recording coach loaded. */
export async function servicesWithPod(): Promise<PodServices> {
  const pod = new ScriptedFootpod('Pod');
  const engine = recordingCoachEngine();
  const services = createServices({ simulator: () => pod }, { flushIntervalMs: 200 }, async () => engine);
  await services.settings.load();
  await services.footpod.simulate();
  await services.coach.engine();
  return { services, pod, output: engine.output, metronome: engine.metronome };
}

/** A program service over `services` whose "now" is always `nowMs`. */
export function programServiceAt(services: AppServices, nowMs: number): ProgramService {
  const { recording, coach, history, settings } = services;
  return new ProgramService({ recording, coach, history, settings, now: () => nowMs });
}

export type Measurement = { cadence?: number; speedMps?: number; isRunning?: boolean };

export interface ProgramRig extends PodServices {
  program: ProgramService;
  /**
   * Pod notifications at seconds from..to (both in), one a second, at 166 steps/min and 3 m/s unless
   * `measurement` says otherwise; `each` runs after each notification.
   */
  send(from: number, to: number, measurement?: Measurement | ((t: number) => Measurement), each?: (t: number) => void): void;
  /** Stops the recording and waits until it is saved. */
  stopAndSave(): Promise<void>;
}

/** Services with a scripted pod and the coach loaded, and a program service on `nowMs`'s clock. */
export async function programRig(nowMs = PROGRAM_TODAY): Promise<ProgramRig> {
  const withPod = await servicesWithPod();
  const { services, pod } = withPod;
  return {
    ...withPod,
    program: programServiceAt(services, nowMs),
    send(from, to, measurement = {}, each = () => {}) {
      for (let t = from; t <= to; t++) {
        pod.send(t, { cadence: 166, speedMps: 3, ...(typeof measurement === 'function' ? measurement(t) : measurement) });
        each(t);
      }
    },
    async stopAndSave() {
      const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
      services.recording.stop();
      await saved;
    },
  };
}

/** The program as the store holds it now. */
export const storedProgram = async (): Promise<ProgramState> => (await loadProgram()).program!;

/** Stores `state`, loads it into the rig's program, arms what is due and starts recording. */
export async function startProgramRun(rig: ProgramRig, state: ProgramState): Promise<void> {
  await saveProgram(state);
  await rig.program.load();
  await rig.program.startNext();
  await rig.services.recording.start();
}

/** A new program with its baseline test at `speedMps` armed and the recording started. */
export async function startBaselineTest(rig: ProgramRig, speedMps = 3): Promise<void> {
  await rig.program.begin();
  await rig.program.setTestSpeed(speedMps);
  await rig.program.startNext();
  await rig.services.recording.start();
}

/**
 * Session 1 of a block begun the day before `nowMs` run on `rig` until the service has stored 195 s
 * of its main part, then the tab closed mid-session: the recording left unfinished, the pod gone.
 * Gives the unfinished recording's id.
 */
export async function sessionCutByClosedTab(rig: ProgramRig, nowMs = PROGRAM_TODAY): Promise<string> {
  await startProgramRun(rig, programInBlock(nowMs));
  rig.send(0, 500);
  await waitUntil(async () => (await storedProgram()).active?.mainRunningS === 195, 'progress stored every 15 s', { timeout: 5000 });
  const unfinished = rig.services.recording.recorder!.id;
  rig.services.recording.abandon();
  rig.services.footpod.disconnect();
  return unfinished;
}

/** A tab opened after one closed mid-run: it keeps the `unfinished` recording as it is, then reads the stored program. */
export async function keepUnfinished(rig: ProgramRig, unfinished: string): Promise<void> {
  await rig.services.recording.checkUnfinished();
  await rig.services.recording.saveUnfinished(unfinished);
  await rig.program.loadIfStored();
}

/** After each test: the rig's program run cancelled and its recording finished, so the next test starts clean. */
export async function endRig(rig: ProgramRig): Promise<void> {
  await rig.program.cancelRun();
  await finishRun(rig.services);
}
