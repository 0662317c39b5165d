// A stand-in for the coach's rules and outputs in page tests: the rules raise a check-in when the
// test asks for one, and the outputs only remember what they were told. The real rules and
// outputs have their own tests in test/coach and test/outputs; these tests are about the screens.
import type { CoachEngine } from '../../src/services/coach-service.js';
import type { CoachEvent, TechniquePrompt } from '../../src/coach/coach-events.js';
import type { Metronome, MetronomeOptions, ScreenWakeLock, WakeLockState } from '../../src/outputs/outputs.js';

class RecordingMetronome extends EventTarget implements Metronome {
  running = false;
  readonly scheduledBeats: number[] = [];
  readonly starts: MetronomeOptions[] = [];
  async start(options: MetronomeOptions): Promise<void> {
    this.starts.push(options);
    this.running = true;
    this.dispatchEvent(new Event('change'));
  }
  update(): void {}
  stop(): void {
    this.running = false;
    this.dispatchEvent(new Event('change'));
  }
}

class StubWakeLock extends EventTarget implements ScreenWakeLock {
  state: WakeLockState = 'released';
  message: string | null = null;
  readonly wants: boolean[] = [];
  async want(wanted: boolean): Promise<void> {
    this.wants.push(wanted);
  }
}

export interface FakeCoachEngine extends CoachEngine {
  metronome: RecordingMetronome;
  wakeLock: StubWakeLock;
  /** The next reading raises this check-in. */
  raiseCheckIn(prompt: TechniquePrompt): void;
  played: CoachEvent[];
  /** Sentences the app said of its own (a workout's), with whether a sound came first. */
  announced: { sentence: string; sound: boolean }[];
}

export function fakeCoachEngine(): FakeCoachEngine {
  let pending: TechniquePrompt | null = null;
  const played: CoachEvent[] = [];
  const announced: { sentence: string; sound: boolean }[] = [];
  return {
    played,
    announced,
    raiseCheckIn: (prompt) => (pending = prompt),
    rules: {
      update: (input) => {
        if (!pending) return [];
        const prompt = pending;
        pending = null;
        return [{ kind: 'check-in', atS: input.timeS, prompt }];
      },
      configure: () => undefined,
      reset: () => undefined,
    },
    output: { play: (event) => void played.push(event), hush: () => undefined, announce: (sentence, sound) => void announced.push({ sentence, sound }) },
    metronome: new RecordingMetronome(),
    wakeLock: new StubWakeLock(),
    metronomeRate: (settings, zones) => settings.rateSpm ?? (zones.targetFrom + zones.targetTo) / 2,
  };
}

export const quickStepsPrompt: TechniquePrompt = {
  id: 'quick-steps',
  title: 'Quick, light steps',
  text: 'Land under your hips, not in front of you.',
};
