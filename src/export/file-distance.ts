// Distances as files write them: metres to the centimetre, cut as the screens cut distances
// (formatDistanceIn), never rounded. Rounded, 4999.996 m was written 5000.00 and every reader of
// the file, our own import too, showed 5.00 km for a run the app shows as 4.99 km.

/** Metres cut to the centimetre; the allowance absorbs the last bit of a sum (1000.00 as 999.99999999999989). */
export const metresCut = (metres: number): number => (Number.isFinite(metres) ? Math.max(0, Math.floor(metres * 100 + 1e-6) / 100) : 0);
