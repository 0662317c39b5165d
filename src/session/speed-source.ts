// Which sensor gives a run's speed and distance. Cadence and stride always come from the pod;
// speed and distance come from the calibrated pod or from the treadmill's belt, as the runner chose.

export type SpeedSource = 'footpod' | 'treadmill';

export const speedSources: readonly SpeedSource[] = ['footpod', 'treadmill'];

export const isSpeedSource = (value: unknown): value is SpeedSource => value === 'footpod' || value === 'treadmill';
