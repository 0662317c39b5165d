// The distance a screen shows for `value` km or mi, worked out here rather than by the app's own
// formatter: cut to the hundredth, as times are cut to the second (996 m reads 0.99 km).
export const cutToHundredths = (value: number): string => (Math.floor(value * 100 + 1e-9) / 100).toFixed(2);
