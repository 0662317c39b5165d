// The workout service's working part, loaded with the first Start (see workout-service.ts). It
// decides nothing: every press, pod reading (and a pod gone silent), treadmill status, link change and page visibility goes
// to the workout machine (src/workout/workout-machine.ts), and the commands it hands back are sent
// through the treadmill's control as they come (the machine keeps them one at a time). Around that
// it keeps the recording's laps and WorkoutMark (workout-run-record.ts), the metronome on the
// steps' cadence (workout-coach.ts), the learned lag, the voice cues of voice mode (within the
// runner's limits, workout-machine-voice.ts), and the simulated runner on the simulated belt. A
// hands-off workout is a recorded run: it starts the recording when none is going (a program
// test's recording is the program's), or says it cannot; the recording's Stop ends it (nothing
// more is sent). The runner's maximums are read again before each speed or incline goes out
// (workout-limits.ts), and a treadmill paired again mid-workout is followed.

import { type BeltLimits, clampIncline, clampSpeed, defaultRunnerMax, defaultRunnerMaxIncline } from '../workout/belt-limits.js';
import { LagLearner } from '../workout/treadmill-lag.js';
import { NOTHING_SAID, type VoiceCueState, voiceCueAt } from '../workout/voice-cues.js';
import { idleMachine, type MachineCommand, type MachineEvent, type MachineState, positionOf, step, withinLimits } from '../workout/workout-machine.js';
import { planSteps, workoutProblems } from '../workout/workout-plan.js';
import { type SpokenSteps, spokenSteps } from '../workout/workout-machine-voice.js';
import type { Workout } from '../workout/workout-types.js';
import type { SensorSource } from '../sources/sensor-source.js';
import type { ControlOutcome, StatusEvent, TreadmillControl } from '../sources/treadmill-control.js';
import type { WorkoutSettings } from '../store/workout-settings.js';
import { PROGRAM_TEST_ON, PROGRAM_TEST_WORKOUT } from './program-test-workout.js';
import { WorkoutCoach } from './workout-coach.js';
import { storedLimits } from './workout-limits.js';
import { treadmillControlOf, voiceReason } from './workout-mode.js';
import { WorkoutRecord } from './workout-run-record.js';
import { SimulatedBeltRunner } from './workout-run-simulated.js';
import type { WorkoutParts, WorkoutSettingsStore, WorkoutView } from './workout-view.js';

const storeOnDisk = async (): Promise<WorkoutSettingsStore> => {
  const { loadWorkoutSettings, changeWorkoutSettings } = await import('../store/workout-store.js');
  return { load: loadWorkoutSettings, change: changeWorkoutSettings };
};

/** The pod's mean speed over this many readings (about 30 s), for hold-pace. */
const POD_MEAN_READINGS = 30;
/** The footpod is taken as silent after this long without a reading (it sends about one a second). */
const POD_SILENT_AFTER_MS = 5000;

export class WorkoutRun {
  #state: MachineState = idleMachine();
  #workout: Workout | null = null;
  #source: SensorSource | null = null;
  #control: TreadmillControl | null = null;
  #treadmillId: string | null = null;
  #settings: WorkoutSettings | null = null;
  #lag: LagLearner | null = null;
  #said: VoiceCueState = NOTHING_SAID;
  /** Voice mode's steps within the runner's limits, made at the first cue. */
  #spoken: SpokenSteps | null = null;
  #message: string | null = null;
  #podKmh: number[] = [];
  #record: WorkoutRecord | null = null;
  #coach: WorkoutCoach | null = null;
  #simulated: SimulatedBeltRunner | null = null;
  #store: WorkoutSettingsStore | null = null;
  readonly #off: (() => void)[] = [];
  /** The treadmill's link and status, heard past the workout's end: Stop the belt works until the next Start. */
  readonly #offTreadmill: (() => void)[] = [];
  /** A step began while the recording was paused: its lap is placed when the recording resumes. */
  #lapAtResume = false;
  /** A Start is loading the settings: another is refused meanwhile. */
  #starting = false;
  /** Said beside every message while the workout runs unrecorded. */
  #notRecorded: string | null = null;
  #silence: ReturnType<typeof setInterval> | null = null;
  #lastSampleMs = 0;

  constructor(
    private readonly parts: WorkoutParts,
    private readonly show: (view: WorkoutView) => void,
  ) {}

  /** `stopped`: a Stop was pressed since this Start (while the settings load, it must not begin after). */
  async start(workout: Workout, stopped: () => boolean = () => false): Promise<void> {
    // Checked and claimed before anything is awaited: a second Start while the first still loads
    // would otherwise name a workout the belt is not doing.
    if (this.#starting || (this.#state.phase !== 'idle' && this.#state.phase !== 'finished' && this.#state.phase !== 'confirm')) {
      return this.#say('A workout is going on: stop it before starting another.');
    }
    if (workout.id !== PROGRAM_TEST_WORKOUT && this.parts.programTest?.()) return this.#say(PROGRAM_TEST_ON);
    const problems = workoutProblems(workout);
    if (problems.length > 0) return this.#say(`This workout cannot run: ${problems.join(' ')}`);
    this.#starting = true;
    try {
      await this.#begin(workout, stopped);
    } finally {
      this.#starting = false;
    }
  }

  async #begin(workout: Workout, stopped: () => boolean): Promise<void> {
    this.#end();
    for (const off of this.#offTreadmill.splice(0)) off();
    // Audio may start later only if the press that started the workout is remembered as a gesture.
    void this.parts.coach.engine();
    this.#store ??= this.parts.store ?? (await storeOnDisk());
    const { settings } = await this.#store.load();
    if (stopped()) return this.#say('Workout stopped.');
    this.#settings = settings;
    const source = this.parts.sensors.source('treadmill');
    const connected = source?.state === 'connected' ? source : null;
    const reason = voiceReason(source);
    const control = treadmillControlOf(connected);
    const capabilities = control?.capabilities ?? null;
    this.#workout = workout;
    this.#source = connected;
    this.#control = reason === null ? control : null;
    this.#treadmillId = connected?.info.deviceId ?? null;
    const lagS = this.#treadmillId !== null ? (settings.lagS[this.#treadmillId] ?? null) : null;
    this.#lag = new LagLearner(lagS);
    this.#said = NOTHING_SAID;
    this.#spoken = null;
    this.#podKmh = [];
    const limits: BeltLimits = {
      speed: capabilities?.speed ?? null,
      incline: capabilities?.incline ?? null,
      maxSpeedKmh: settings.maxSpeedKmh ?? defaultRunnerMax(capabilities?.speed ?? null),
      maxInclinePercent: settings.maxInclinePercent ?? defaultRunnerMaxIncline(capabilities?.incline ?? null),
      maxSpeedSetByRunner: settings.maxSpeedKmh !== null,
      maxInclineSetByRunner: settings.maxInclinePercent !== null,
    };
    const steps = planSteps(workout);
    this.#listen();
    this.#feed({
      kind: 'start',
      steps,
      mode: reason === null ? 'belt' : 'voice',
      modeReason: reason,
      limits,
      confirmed: this.#treadmillId !== null && settings.confirmedTreadmills.includes(this.#treadmillId),
      settings: { holdPace: settings.holdPace, sendEarly: settings.sendEarly, lagS, unit: this.parts.settings.settings.distanceUnit },
    });
  }

  /** The runner confirmed that the app may drive this treadmill: remembered for the next time. */
  async confirm(): Promise<void> {
    if (this.#state.phase !== 'confirm') return;
    const id = this.#treadmillId;
    if (id !== null && this.#settings && this.#store && !this.#settings.confirmedTreadmills.includes(id)) {
      this.#settings = { ...this.#settings, confirmedTreadmills: [...this.#settings.confirmedTreadmills, id] };
      const problem = await this.#store.change((stored) => ({
        confirmedTreadmills: stored.confirmedTreadmills.includes(id) ? stored.confirmedTreadmills : [...stored.confirmedTreadmills, id],
      }));
      // Not remembered: asked again next time, which is the safe side; the workout still starts.
      if (problem !== null) this.#message = problem;
    }
    this.#feed({ kind: 'confirm' });
  }

  cancel(): void {
    this.#feed({ kind: 'cancel' });
  }

  pause(): Promise<void> {
    this.#feed({ kind: 'pause' });
    return Promise.resolve();
  }
  resume(): Promise<void> {
    this.#feed({ kind: 'resume' });
    return Promise.resolve();
  }
  stop(): Promise<void> {
    this.#feed({ kind: 'stop' });
    return Promise.resolve();
  }
  skip(): Promise<void> {
    this.#feed({ kind: 'skip' });
    return Promise.resolve();
  }

  #listen(): void {
    const on = (target: EventTarget, type: string, listener: (event: Event) => void): void => {
      target.addEventListener(type, listener);
      this.#off.push(() => target.removeEventListener(type, listener));
    };
    const { footpod, recording } = this.parts;
    let recorded = recording.state === 'recording' || recording.state === 'paused';
    this.#lapAtResume = false;
    on(recording, 'change', () => {
      const going = recording.state === 'recording' || recording.state === 'paused';
      // A program test's recording ends its workout through program-belt.ts, which stops the belt.
      if (recorded && !going && this.#workout?.id !== PROGRAM_TEST_WORKOUT) this.#feed({ kind: 'recording-ended' });
      recorded = going;
      if (this.#lapAtResume && recording.state === 'recording') {
        this.#lapAtResume = false;
        recording.lap();
      }
    });
    on(footpod, 'sample', () => {
      this.#lastSampleMs = Date.now();
      if (!this.#state.podUp && footpod.source?.state === 'connected') this.#feed({ kind: 'pod', up: true });
      this.#tick();
    });
    on(footpod, 'change', () => {
      if (footpod.source?.state !== 'connected' && this.#state.podUp) this.#feed({ kind: 'pod', up: false });
    });
    // A pod connected but sending nothing: the workout waits as for a lost one.
    this.#lastSampleMs = Date.now();
    const silentAfterMs = this.parts.podSilentAfterMs ?? POD_SILENT_AFTER_MS;
    this.#silence = setInterval(() => {
      if (this.#state.podUp && Date.now() - this.#lastSampleMs > silentAfterMs) this.#feed({ kind: 'pod', up: false });
    }, Math.min(1000, silentAfterMs));
    // The treadmill paired again (a new source) is followed; the workout stays paused until a press.
    on(this.parts.sensors, 'change', () => this.#followTreadmill());
    this.#bindTreadmill();
    if (typeof document !== 'undefined') on(document, 'visibilitychange', () => this.#feed({ kind: 'visibility', hidden: document.visibilityState === 'hidden' }));
  }

  #bindTreadmill(): void {
    const on = (target: EventTarget, type: string, listener: (event: Event) => void): void => {
      target.addEventListener(type, listener);
      this.#offTreadmill.push(() => target.removeEventListener(type, listener));
    };
    const source = this.#source;
    if (source) on(source, 'statechange', () => this.#feed({ kind: 'link', up: source.state === 'connected' }));
    if (this.#control) on(this.#control, 'status', (event) => this.#feed({ kind: 'status', status: (event as StatusEvent).status }));
  }

  /** A driven workout's treadmill paired again is a new source: the old link is gone, the new one is heard. */
  #followTreadmill(): void {
    const source = this.parts.sensors.source('treadmill');
    if (!source || source === this.#source || this.#state.mode !== 'belt') return;
    for (const off of this.#offTreadmill.splice(0)) off();
    this.#source = source;
    this.#control = treadmillControlOf(source);
    this.#bindTreadmill();
    this.#feed({ kind: 'link', up: false });
    if (source.state === 'connected') this.#feed({ kind: 'link', up: true });
  }

  #tick(): void {
    const latest = this.parts.footpod.session?.latest;
    if (!latest) return;
    const atMs = latest.timeS * 1000;
    const beltKmh = latest.treadmillSpeedMps !== null ? latest.treadmillSpeedMps * 3.6 : null;
    // Hold-pace reads the runner, so the pod's own speed even where the belt gives the run's speed.
    const podMps = latest.speedFrom === 'footpod' ? latest.speedMps : latest.rawSpeedMps;
    if (latest.running && Number.isFinite(podMps)) this.#podKmh = [...this.#podKmh, podMps * 3.6].slice(-POD_MEAN_READINGS);
    const podKmh = this.#podKmh.length > 0 ? this.#podKmh.reduce((a, b) => a + b, 0) / this.#podKmh.length : null;
    if (beltKmh !== null && this.#lag) {
      const before = this.#lag.lagS;
      this.#lag.observed(atMs, beltKmh);
      if (this.#lag.lagS !== before) this.#feed({ kind: 'lag', lagS: this.#lag.lagS });
    }
    this.#feed({ kind: 'tick', atMs, distanceM: latest.distanceM, beltKmh, podKmh });
    this.#voiceCue(beltKmh ?? latest.speedMps * 3.6);
  }

  /** Voice mode: "Set 12.0 km/h now" ahead of a step, and when the belt has reached it. */
  #voiceCue(measuredKmh: number): void {
    const state = this.#state;
    const position = positionOf(state);
    if (state.mode !== 'voice' || state.phase !== 'running' || !position) return;
    const unit = this.parts.settings.settings.distanceUnit;
    const spoken = (this.#spoken ??= spokenSteps(state.steps, state.limits, unit));
    const { cue, said } = voiceCueAt(spoken.steps, position, { nowS: state.runningS, measuredKmh, unit }, this.#said);
    this.#said = said;
    if (!cue) return;
    const cap = cue.kind === 'set' ? (spoken.caps[cue.stepIndex] ?? null) : null;
    const text = cap === null ? cue.text : `${cue.text}: ${cap}`;
    this.#message = text;
    void this.#announce(text, cue.sound);
    this.#publish();
  }

  #sayStepAgain(index: number): void {
    this.#said = { ...this.#said, setFor: index - 1, reachedFor: index - 1, within: null, told: { speedKmh: null, inclinePercent: null }, reachedKmh: null };
  }

  #feed(event: MachineEvent): void {
    const before = this.#state;
    const { state, commands, says } = step(before, event);
    this.#state = state;
    if (says.length > 0) {
      this.#message = says.at(-1)!;
      for (const sentence of says) void this.#announce(sentence, false);
    }
    this.#followSteps(before, state);
    this.#record?.paused(state.phase === 'paused' || state.phase === 'starting');
    // By voice, the runner may have stopped the belt by hand at the Pause: the step's speed is said
    // again ("Set ... now", then "reached").
    if (state.mode === 'voice' && before.phase === 'paused' && state.phase === 'running') this.#sayStepAgain(state.stepIndex);
    if (this.#coach) this.#coach.step = state.phase === 'running' ? (state.steps[state.stepIndex] ?? null) : null;
    for (const command of commands) void this.#send(command);
    if (state.phase === 'idle' || state.phase === 'finished') this.#end();
    this.#publish();
  }

  /** A step began (or the workout did): a lap and a mark in the recording, the metronome, the simulated runner. */
  #followSteps(before: MachineState, state: MachineState): void {
    const workout = this.#workout;
    const running = state.phase === 'running' || state.phase === 'paused';
    if (!workout || !running || state.stepIndex >= state.steps.length) return;
    const began = before.phase !== 'running' && before.phase !== 'paused';
    if (!began && before.stepIndex === state.stepIndex) return;
    if (began) {
      this.#record = new WorkoutRecord(this.parts.recording, workout);
      this.#startRecording(workout);
      this.#coach = WorkoutCoach.for(state.steps, () => this.parts.settings.settings.coach);
      if (this.#coach) this.parts.coach.guide(this.#coach);
      this.#simulated = SimulatedBeltRunner.follow(this.parts.footpod, this.#source, () => this.#stepCadence());
    }
    this.#record?.stepBegan(state.steps[state.stepIndex]!);
    // The recording takes no lap while paused (Recorder.lap): it is placed at its resume.
    if (!began && this.parts.recording.state === 'paused') this.#lapAtResume = true;
  }

  /** A hands-off workout is a recorded run: the recording starts with it when none is going. */
  #startRecording(workout: Workout): void {
    const { recording } = this.parts;
    // A program test is started by its own recording.
    if (workout.id === PROGRAM_TEST_WORKOUT || recording.state === 'recording' || recording.state === 'paused') return;
    if (recording.canRecord) void recording.start();
    else this.#notRecorded = 'No footpod is connected: this workout is not recorded.';
  }

  #stepCadence(): number | null {
    return this.#state.phase === 'running' ? (this.#state.steps[this.#state.stepIndex]?.cadence ?? null) : null;
  }

  /** Sends one command through the treadmill's control; what came of it goes back to the machine. */
  async #send(wanted: MachineCommand): Promise<void> {
    const control = this.#control;
    let command = wanted;
    let outcome: ControlOutcome;
    if (control && (command.kind === 'speed' || command.kind === 'incline')) {
      command = await this.#withinCurrentLimits(command);
      // Stopped, paused or cut off while the limits were read: it is not sent.
      if (this.#state.inFlight !== wanted || (this.#state.phase !== 'running' && this.#state.phase !== 'starting')) {
        this.#feed({ kind: 'outcome', command, outcome: { ok: false, message: '', failure: 'dropped' } });
        return;
      }
    }
    if (!control) outcome = { ok: false, message: 'No treadmill is connected.', failure: 'not-connected' };
    else {
      if (command.kind === 'speed' && command.value !== undefined) {
        const latest = this.parts.footpod.session?.latest;
        const beltKmh = latest?.treadmillSpeedMps != null ? latest.treadmillSpeedMps * 3.6 : null;
        if (beltKmh !== null && latest) this.#lag?.commanded(latest.timeS * 1000, beltKmh, command.value);
      }
      outcome = await run(control, command);
    }
    this.#feed({ kind: 'outcome', command, outcome: outcome.ok ? { ok: true, message: outcome.message } : { ok: false, message: outcome.message, failure: outcome.failure } });
  }

  /** A maximum lowered in Settings since is handed to the machine; the command is held to it. */
  async #withinCurrentLimits(command: MachineCommand): Promise<MachineCommand> {
    const was = this.#state.limits;
    const limits = this.#store ? await storedLimits(this.#store, was) : was;
    if (limits === was) return command;
    this.#feed({ kind: 'limits', limits });
    const within = withinLimits(command, limits);
    if (within.value !== command.value) {
      const unit = this.parts.settings.settings.distanceUnit;
      const words = command.kind === 'speed' ? clampSpeed(command.value!, limits, unit).message : clampIncline(command.value!, limits).message;
      if (words) this.#say(words);
    }
    return within;
  }

  async #announce(sentence: string, sound: boolean): Promise<void> {
    const { coach } = this.parts;
    const engine = await coach.engine();
    if (engine && !coach.muted) engine.output.announce?.(sentence, sound);
  }

  /** The workout is over (or never began): everything it held is let go, and the lag kept. */
  #end(): void {
    for (const off of this.#off.splice(0)) off();
    if (this.#coach) this.parts.coach.guide(null);
    this.#coach = null;
    this.#simulated?.release();
    this.#simulated = null;
    this.#record?.close();
    this.#record = null;
    this.#notRecorded = null;
    if (this.#silence !== null) clearInterval(this.#silence);
    this.#silence = null;
    const id = this.#treadmillId;
    const lagS = this.#lag?.lagS ?? null;
    if (id !== null && lagS !== null && this.#settings && this.#store && this.#settings.lagS[id] !== lagS) {
      this.#settings = { ...this.#settings, lagS: { ...this.#settings.lagS, [id]: lagS } };
      // Only this treadmill's lag: a maximum lowered in Settings during the workout stays lowered.
      void this.#store.change((stored) => ({ lagS: { ...stored.lagS, [id]: lagS } }));
    }
  }

  #say(message: string): void {
    this.#message = message;
    this.#publish();
  }

  #publish(): void {
    const s = this.#state;
    this.show({
      workout: this.#workout,
      phase: s.phase,
      mode: s.mode,
      modeReason: s.modeReason,
      steps: [...s.steps],
      position: positionOf(s),
      beltTargetKmh: s.beltTargetKmh,
      inclineTarget: s.inclineTarget,
      message: [this.#message, this.#notRecorded].filter((m) => m !== null).join(' ') || null,
      lagS: this.#lag?.lagS ?? null,
    });
  }
}

function run(control: TreadmillControl, command: MachineCommand): Promise<ControlOutcome> {
  switch (command.kind) {
    case 'request-control':
      return control.requestControl();
    case 'speed':
      return control.setSpeed(command.value!);
    case 'incline':
      return control.setIncline(command.value!);
    case 'start':
      return control.start();
    case 'stop':
      return control.stop();
    case 'pause':
      return control.pause();
  }
}
