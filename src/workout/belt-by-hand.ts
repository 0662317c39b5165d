// A belt the runner has moved by hand is theirs for the rest of the step. A treadmill that says so
// (status 0x05 with a speed the app did not send) is handled where statuses are; many say nothing,
// so their Treadmill Data is read too: once the belt has run at what the app last set, leaving it
// by more than one increment is a hand on the console. On its way there the belt may be anywhere
// between the app's last two settings (its own change, or a hold-pace correction): that is the
// app's doing, not the runner's.

/** Readings closer than this are the same setting, whatever finer increment the treadmill claims. */
export const SAME_SETTING_KMH = 0.1;

export interface BeltWatch {
  /** What the app last set the belt to. */
  setKmh: number;
  /** What the app had set before that (null: not known, as at the workout's start). */
  fromKmh: number | null;
  /** The belt has been seen at `setKmh` since it was set. */
  settled: boolean;
}

/** Whether this reading settles the belt, and whether it shows a hand on the console. */
export function watchBelt(watch: BeltWatch, beltKmh: number, incrementKmh: number | null): { settled: boolean; byHand: boolean } {
  if (!Number.isFinite(beltKmh) || !Number.isFinite(watch.setKmh)) return { settled: watch.settled, byHand: false };
  const off = Math.max(incrementKmh !== null && Number.isFinite(incrementKmh) ? incrementKmh : 0, SAME_SETTING_KMH) + 1e-9;
  if (Math.abs(beltKmh - watch.setKmh) <= off) return { settled: true, byHand: false };
  if (watch.settled) return { settled: true, byHand: true };
  // Still on its way from the app's setting before: anywhere between the two is the app's change.
  if (watch.fromKmh === null) return { settled: false, byHand: false };
  const low = Math.min(watch.fromKmh, watch.setKmh) - off;
  const high = Math.max(watch.fromKmh, watch.setKmh) + off;
  return { settled: false, byHand: beltKmh < low || beltKmh > high };
}
