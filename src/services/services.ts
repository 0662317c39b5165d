// The service objects pages are handed. Created once in main.ts; tests build their own.
import { type CoachEngine, CoachService } from './coach-service.js';
import { DataService } from './data-service.js';
import { FootpodCadence } from './footpod-cadence.js';
import { FootpodService, type FootpodFactories } from './footpod-service.js';
import { CalibrationService } from './calibration-service.js';
import { HistoryService } from './history-service.js';
import { ProgramService } from './program-service.js';
import { RecordingService, type RecordingServiceOptions } from './recording-service.js';
import { RunFinish } from './run-finish.js';
import { SensorService, type SensorLoaders } from './sensor-service.js';
import { SettingsService } from './settings-service.js';
import { WorkoutService } from './workout-service.js';
import type { FolderService } from './folder-service.js';

export interface AppServices {
  settings: SettingsService;
  footpod: FootpodService;
  /** Remembers per pod whether it counts steps or strides; pages read the result from the settings and session. */
  footpodCadence: FootpodCadence;
  /** A treadmill and a heart-rate strap beside the footpod. */
  sensors: SensorService;
  /** The footpod's calibration against the belt: applied live, learned, checked, corrected after a run. */
  calibration: CalibrationService;
  recording: RecordingService;
  /** Metronome, zone cues, check-ins, mute and the screen wake lock. */
  coach: CoachService;
  history: HistoryService;
  /** The finish card of the run just saved. */
  finish: RunFinish;
  data: DataService;
  /** The cadence retraining program: its schedule, today's item and the program run going on. */
  program: ProgramService;
  /** Treadmill workouts: the one going on, driving the belt or by voice. */
  workouts: WorkoutService;
  /** The backup folder, loaded on first call (its code stays out of the first load). */
  folder: () => Promise<FolderService>;
}

/** The coach's rules and outputs, loaded when first used; tests hand in their own. */
export type CoachEngineLoader = (() => Promise<CoachEngine>) | null;

const loadCoachEngine = async (): Promise<CoachEngine> => (await import('./coach-engine.js')).createCoachEngine();

export function createServices(
  factories: Partial<FootpodFactories> = {},
  recordingOptions: RecordingServiceOptions = {},
  coachEngine: CoachEngineLoader = loadCoachEngine,
  sensorLoaders: Partial<SensorLoaders> = {},
): AppServices {
  const settings = new SettingsService();
  const footpod = new FootpodService(settings, factories);
  const footpodCadence = new FootpodCadence(footpod, settings);
  const sensors = new SensorService(footpod, settings, sensorLoaders);
  // The history knows which runs are being recorded (asked only once the services run).
  const history = new HistoryService({ recordingId: () => recording.recordingId });
  const calibration = new CalibrationService(footpod, settings, history);
  const recording = new RecordingService(footpod, settings, recordingOptions);
  const coach = new CoachService(footpod, recording, settings, coachEngine);
  // A saved run belongs in the history at once, wherever the history is shown next.
  recording.addEventListener('saved', () => void history.load());
  const finish = new RunFinish(recording, history, settings);
  // The program is made next; asked only at a workout's Start.
  const workouts = new WorkoutService({ footpod, sensors, recording, coach, settings, programTest: () => program.active?.kind === 'test' });
  const program = new ProgramService({ recording, coach, history, settings, footpod, workouts, sensors });
  const data = new DataService(settings, history, program);
  const folder = (): Promise<FolderService> => import('./folder-service.js').then((m) => m.folderServiceOf(services));
  const services = { settings, footpod, footpodCadence, sensors, calibration, recording, coach, history, finish, data, program, workouts, folder };
  return services;
}
