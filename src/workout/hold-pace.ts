// STAND-IN until h-rules merges (contract section 1): replaced by the rules helper's file.
export function holdPaceSpeed(a: { stepKmh: number; beltKmh: number; podKmh: number; nowS: number; stepEndsAtS: number; lastCorrectionAtS: number | null }): number | null {
  if (a.stepEndsAtS - a.nowS <= 20) return null;
  if (a.lastCorrectionAtS !== null && a.nowS - a.lastCorrectionAtS < 30) return null;
  const diff = a.stepKmh - a.podKmh;
  if (Math.abs(diff) < 0.05) return null;
  const next = Math.min(a.stepKmh * 1.05, Math.max(a.stepKmh * 0.95, a.beltKmh + Math.sign(diff) * Math.min(0.3, Math.abs(diff))));
  return Math.abs(next - a.beltKmh) < 0.01 ? null : next;
}
