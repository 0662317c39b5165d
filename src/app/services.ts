// The service objects pages are handed. Created once in main.ts; tests build their own.
import { FootpodService, type FootpodFactories } from './footpod-service.js';
import { HistoryService } from './history-service.js';
import { SettingsService } from './settings-service.js';

export interface AppServices {
  settings: SettingsService;
  footpod: FootpodService;
  history: HistoryService;
}

export function createServices(factories: Partial<FootpodFactories> = {}): AppServices {
  const settings = new SettingsService();
  return { settings, footpod: new FootpodService(settings, factories), history: new HistoryService() };
}
