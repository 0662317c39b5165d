// Entry point: create the services, hand them to the shell, then load what was saved.
import { createServices } from './services.js';
import './stride-app.js';
import { followTheme } from './theme.js';

// `?pod=strides` makes "Try without a footpod" a pod that counts strides, to show how that is handled.
const stridesDemo = new URLSearchParams(location.search).get('pod') === 'strides';
const services = createServices(
  stridesDemo
    ? { simulator: async () => new (await import('../sources/simulated-footpod.js')).SimulatedFootpod({ cadenceUnit: 'strides' }) }
    : {},
);
followTheme(services.settings);
const app = document.querySelector('stride-app');
if (app) app.services = services;

async function startUp(): Promise<void> {
  // Stored data is migrated before anything reads it; if it cannot be, nothing else touches it.
  const usable = await services.data.migrate();
  void services.footpod.findRemembered();
  if (!usable) return;
  await services.settings.load();
  await Promise.all([services.recording.checkUnfinished(), services.data.protectStorage()]);
}
void startUp();
