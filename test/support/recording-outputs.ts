// Outputs that write down what they were asked to do instead of sounding, speaking or holding
// the screen: the coach's decisions are real (src/coach), only the last step is recorded, as the
// design's outputs layer allows.
import type { CoachEvent } from '../../src/coach/coach-events.js';
import type { CoachOutput, Metronome, MetronomeOptions, ScreenWakeLock, WakeLockState } from '../../src/outputs/outputs.js';

export class RecordingOutput implements CoachOutput {
  readonly played: CoachEvent[] = [];
  hushed = 0;
  play(event: CoachEvent): void {
    this.played.push(event);
  }
  hush(): void {
    this.hushed++;
  }
}

export class RecordingMetronome extends EventTarget implements Metronome {
  running = false;
  readonly scheduledBeats: number[] = [];
  readonly calls: Array<['start' | 'update', MetronomeOptions] | ['stop']> = [];
  async start(options: MetronomeOptions): Promise<void> {
    this.running = true;
    this.calls.push(['start', options]);
    this.dispatchEvent(new Event('change'));
  }
  update(options: MetronomeOptions): void {
    this.calls.push(['update', options]);
  }
  stop(): void {
    this.running = false;
    this.calls.push(['stop']);
    this.dispatchEvent(new Event('change'));
  }
}

export class RecordingWakeLock extends EventTarget implements ScreenWakeLock {
  state: WakeLockState = 'released';
  message: string | null = null;
  readonly wants: boolean[] = [];
  async want(wanted: boolean): Promise<void> {
    this.wants.push(wanted);
    const next = wanted ? 'held' : 'released';
    if (next !== this.state) {
      this.state = next;
      this.dispatchEvent(new Event('change'));
    }
  }
}
