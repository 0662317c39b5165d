// How many generated runs an invariant checks: `base` in npm test, a multiple of it when the
// bench runs the same files (test/bench/invariants.config.mjs sets the scale on the page), so
// one property serves both and the bench never checks a copy that drifted from the test.
//
//   fc.assert(property, { numRuns: invariantRuns(80) });

const scale = (globalThis as { stridewiseInvariantScale?: unknown }).stridewiseInvariantScale;

export const invariantRuns = (base: number): number =>
  typeof scale === 'number' && scale > 0 ? Math.max(1, Math.round(base * scale)) : base;

/** True when the bench runs the file (`npm run bench -- invariants`): long journeys run there only. */
export const inBench = typeof scale === 'number' && scale > 1;
