// Ends what a program test left going, so nothing of it lands in the next test's store: the
// recording is stopped and saved (finishRun), the program service has measured the run it followed
// (its #saved clears `active`), and the program is ended, whose store write queues behind every
// earlier one, so once it is done no late write of this test's services can follow the next test's.
import { waitUntil } from '@open-wc/testing';
import type { AppServices } from '../../src/services/services.js';
import { finishRun } from './finish-run.js';

export async function finishProgramRun(services: AppServices): Promise<void> {
  const recorded = services.recording.state === 'recording' || services.recording.state === 'paused';
  await finishRun(services);
  if (recorded && services.program.active) await waitUntil(() => services.program.active === null, 'the program run was measured', { timeout: 5000 });
  await services.program.reset();
}
