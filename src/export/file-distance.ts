// Distances as files write them: metres to the centimetre, cut as the screens cut distances
// (formatDistanceIn), never rounded. Rounded, 4999.996 m was written 5000.00 and every reader of
// the file, our own import too, showed 5.00 km for a run the app shows as 4.99 km.

/** Metres cut to the centimetre; the allowance absorbs the last bit of a sum (1000.00 as 999.99999999999989). */
export const metresCut = (metres: number): number => (Number.isFinite(metres) ? Math.max(0, Math.floor(metres * 100 + 1e-6) / 100) : 0);

/**
 * Each lap's metres as files write them: the cut of where it ends less the cut of where it began,
 * so the laps as written add up to the run cut (readers take a TCX run's distance as its laps'
 * sum). Cut one by one, 2499.996 + 2500.008 m (5.00 km in the app) was written 2499.99 + 2500.00.
 */
export function lapMetresCut(lapsM: readonly number[]): number[] {
  let cumulative = 0;
  return lapsM.map((metres) => {
    const start = metresCut(cumulative);
    cumulative += Number.isFinite(metres) ? metres : 0;
    return Math.max(0, Math.round((metresCut(cumulative) - start) * 100) / 100);
  });
}
