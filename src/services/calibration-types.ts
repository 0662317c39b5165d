// What the calibration service and the two parts it loads on demand (a guided check, a run's
// correction) tell each other and the pages. Its own module, below all three, so the parts import
// these types without importing the service that imports them.

export type GuidedPhase = 'idle' | 'running' | 'ready' | 'done';
export type GuidedOutcome =
  /**
   * `atSpeedMps`: the pod's raw speed, where the point is filed (as Settings lists it); `beltSpeedMps`:
   * the belt speed typed. `change`: the old points the new one replaced or merged, in words; null when it only added.
   */
  | { ok: true; percent: number; atSpeedMps: number; beltSpeedMps: number; change: string | null }
  | { ok: false; problem: string };

export interface GuidedState {
  phase: GuidedPhase;
  elapsedS: number;
  neededS: number;
  result: GuidedOutcome | null;
}

export type CorrectionOutcome = { ok: true; message: string } | { ok: false; message: string };
