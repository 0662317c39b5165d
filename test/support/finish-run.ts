import type { AppServices } from '../../src/services/services.js';

/**
 * Ends what a test left running: a recording is stopped and awaited until saved (so it cannot
 * land in the next test's cleared store), then the pod is disconnected.
 */
export async function finishRun(services: AppServices): Promise<void> {
  if (services.recording.state === 'recording' || services.recording.state === 'paused') {
    const saved = new Promise((resolve) => services.recording.addEventListener('saved', resolve, { once: true }));
    services.recording.stop();
    await saved;
  }
  services.footpod.disconnect();
}
