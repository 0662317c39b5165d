// How a driven workout ends with the belt still moving (workout-machine.ts): the recording's Stop
// ends the workout and sends nothing, and Stop the belt, pressed after the workout is done, still
// stops the belt while the app holds control on that link.

import type { MachineCommand, MachineState } from './workout-machine-types.js';

/** The recording's Stop ends a driven workout but sends nothing: the strip's Stop the belt does. */
export const RECORDING_ENDED_BELT = 'The workout ended with the recording; the belt keeps its speed — Stop the belt to stop it.';

/**
 * Stop the belt, pressed once the workout is over: the belt was left as it was (workout done, the
 * recording ended), so the stop goes out while the app still holds control on that link.
 */
export function stopAfterFinish(s: MachineState, urgent: (c: MachineCommand) => void, say: (t: string) => void): void {
  if (s.mode !== 'belt' || !s.requested) return;
  if (s.hasControl && s.linkUp) {
    urgent({ kind: 'stop' });
    say('The belt was asked to stop.');
  } else say('The app no longer controls the treadmill: stop the belt on the treadmill.');
}
