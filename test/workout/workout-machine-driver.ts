// Drives the workout machine in tests: feeds events on a fake clock, keeps the state, and records
// every command and sentence, each with the event that caused it.

import type { FitnessMachineStatus } from '../../src/ble/ftms-status.js';
import type { BeltLimits } from '../../src/workout/belt-limits.js';
import { idleMachine, type MachineCommand, type MachineEvent, type MachineSettings, type MachineState, step } from '../../src/workout/workout-machine.js';
import type { PlannedStep, StepLength } from '../../src/workout/workout-types.js';

export const limits = (over: Partial<BeltLimits> = {}): BeltLimits => ({
  speed: { minKmh: 1, maxKmh: 18, incrementKmh: 0.1 },
  incline: { minPercent: 0, maxPercent: 12, incrementPercent: 0.5 },
  maxSpeedKmh: 16,
  maxInclinePercent: 10,
  ...over,
});

export function planned(length: StepLength, speedKmh: number | null, inclinePercent: number | null = null, index = 0): PlannedStep {
  return { index, name: `Step ${index + 1}`, intensity: 'active', length, speedKmh, inclinePercent, cadence: null, round: null };
}

/** Steps of `seconds` each at the given speeds. */
export const timed = (seconds: number, ...speeds: (number | null)[]): PlannedStep[] =>
  speeds.map((kmh, index) => planned({ kind: 'time', seconds }, kmh, null, index));

export const status = {
  stopped: { kind: 'stopped-or-paused-by-user', how: 'stop' } as FitnessMachineStatus,
  safetyKey: { kind: 'stopped-by-safety-key' } as FitnessMachineStatus,
  controlLost: { kind: 'control-permission-lost' } as FitnessMachineStatus,
};

export class MachineDriver {
  state: MachineState = idleMachine();
  nowMs = 0;
  distanceM = 0;
  readonly sent: { command: MachineCommand; after: MachineEvent['kind'] }[] = [];
  readonly said: string[] = [];
  /** Commands sent and not answered yet. */
  readonly open: MachineCommand[] = [];

  send(event: MachineEvent): MachineCommand[] {
    const { state, commands, says } = step(this.state, event);
    this.state = state;
    for (const command of commands) this.sent.push({ command, after: event.kind });
    this.open.push(...commands);
    this.said.push(...says);
    return commands;
  }

  start(steps: PlannedStep[], options: { confirmed?: boolean; mode?: 'belt' | 'voice'; limits?: BeltLimits; settings?: Partial<MachineSettings> } = {}): MachineCommand[] {
    return this.send({
      kind: 'start',
      steps,
      mode: options.mode ?? 'belt',
      modeReason: options.mode === 'voice' ? 'No treadmill is connected.' : null,
      limits: options.limits ?? limits(),
      confirmed: options.confirmed ?? true,
      settings: { holdPace: false, sendEarly: false, lagS: null, unit: 'km', ...options.settings },
    });
  }

  /** Answers the oldest open command. */
  answer(ok = true, failure = 'refused'): MachineCommand[] {
    const command = this.open.shift();
    if (!command) throw new Error('no command to answer');
    return this.send({ kind: 'outcome', command, outcome: ok ? { ok: true, message: 'Done.' } : { ok: false, message: 'Refused.', failure } });
  }

  /** Answers every command until none is open (the belt takes all). */
  answerAll(): MachineCommand[] {
    const all: MachineCommand[] = [];
    while (this.open.length > 0) all.push(...this.answer());
    return all;
  }

  /** `seconds` of ticks, one every `everyS`, at `kmh` on the odometer. */
  run(seconds: number, everyS = 1, kmh = 10, extra: { beltKmh?: number | null; podKmh?: number | null } = {}): MachineCommand[] {
    const all: MachineCommand[] = [];
    for (let t = 0; t < seconds - 1e-9; t += everyS) {
      this.nowMs += everyS * 1000;
      this.distanceM += (kmh / 3.6) * everyS;
      all.push(...this.send({ kind: 'tick', atMs: this.nowMs, distanceM: this.distanceM, beltKmh: extra.beltKmh ?? null, podKmh: extra.podKmh ?? null }));
    }
    return all;
  }

  kinds(): string[] {
    return this.sent.map(({ command }) => command.kind);
  }
}
