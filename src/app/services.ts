// The service objects pages are handed. Created once in main.ts; tests build their own.
import { DataService } from './data-service.js';
import { FootpodService, type FootpodFactories } from './footpod-service.js';
import { HistoryService } from './history-service.js';
import { RecordingService, type RecordingServiceOptions } from './recording-service.js';
import { SettingsService } from './settings-service.js';

export interface AppServices {
  settings: SettingsService;
  footpod: FootpodService;
  recording: RecordingService;
  history: HistoryService;
  data: DataService;
}

export function createServices(factories: Partial<FootpodFactories> = {}, recordingOptions: RecordingServiceOptions = {}): AppServices {
  const settings = new SettingsService();
  const footpod = new FootpodService(settings, factories);
  const recording = new RecordingService(footpod, settings, recordingOptions);
  const history = new HistoryService();
  // A saved run belongs in the history at once, wherever the history is shown next.
  recording.addEventListener('saved', () => void history.load());
  return { settings, footpod, recording, history, data: new DataService(settings, history) };
}
