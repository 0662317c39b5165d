// What the workout and program-belt tests share: a clean store in which the simulated treadmill is
// already confirmed for driving (the first-time question answered), and the simulated treadmill
// connected with its ranges read, ready to take commands.
import { waitUntil } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import type { AppServices } from '../../src/services/services.js';
import type { SimulatedTreadmill } from '../../src/sources/simulated-treadmill.js';
import { kvStore } from '../../src/store/kv.js';
import { defaultWorkoutSettings } from '../../src/store/workout-settings.js';
import { saveWorkoutSettings } from '../../src/store/workout-store.js';

/** Empties the store and remembers the simulated treadmill as confirmed. */
export async function confirmedSimulatedTreadmill(): Promise<void> {
  await clear(kvStore());
  await saveWorkoutSettings({ ...defaultWorkoutSettings(), confirmedTreadmills: ['simulated-treadmill'] });
}

/** Connects the simulated treadmill beside the simulated footpod, and waits for its capabilities. */
export async function connectSimulatedTreadmill(services: AppServices): Promise<SimulatedTreadmill> {
  await services.sensors.simulate();
  const belt = services.sensors.source('treadmill') as SimulatedTreadmill;
  await waitUntil(() => belt.state === 'connected' && belt.control.capabilities !== null, 'treadmill connected');
  return belt;
}
