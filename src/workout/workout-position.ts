// STAND-IN until h-rules merges (contract section 1): replaced by the rules helper's file.
export interface WorkoutPosition {
  stepIndex: number;
  done: boolean;
  stepElapsedS: number;
  stepCoveredM: number;
  leftS: number | null;
  leftM: number | null;
  fraction: number;
}
