// Settings → Treadmill workouts: the section's part of the Settings page, with the defaults from
// the connected treadmill's ranges (read on connect) and its name for the learned lag.
import { html, nothing } from 'lit';
import type { AppServices } from '../services/services.js';
import type { MyWorkouts } from '../services/my-workouts.js';
import { treadmillControlOf } from '../services/workout-mode.js';
import '../components/stride-workout-settings.js';
import type { WorkoutSettingsChange } from '../components/stride-workout-settings.js';
import { defaultRunnerMax, defaultRunnerMaxIncline } from '../workout/belt-limits.js';

export function workoutSettingsSection(services: AppServices, workouts: MyWorkouts) {
  const source = services.sensors.source('treadmill');
  const capabilities = treadmillControlOf(source)?.capabilities ?? null;
  const { deviceId, deviceName } = source?.info ?? { deviceId: null, deviceName: null };
  const said = [...workouts.problems, ...(workouts.message ? [workouts.message] : [])];
  return html`<fieldset>
    <legend>Treadmill workouts</legend>
    <stride-workout-settings .settings=${workouts.settings} .unit=${services.settings.settings.distanceUnit}
      .defaultMaxSpeedKmh=${defaultRunnerMax(capabilities?.speed ?? null)} .defaultMaxInclinePercent=${defaultRunnerMaxIncline(capabilities?.incline ?? null)}
      ?treadmillKnown=${(capabilities?.speed ?? null) !== null}
      .treadmillNames=${deviceId && deviceName ? { [deviceId]: deviceName } : {}}
      @workout-settings=${(e: CustomEvent<WorkoutSettingsChange>) => void workouts.saveSettings(e.detail)}></stride-workout-settings>
    ${said.length ? said.map((p) => html`<p class="problem" role="alert">${p}</p>`) : nothing}
  </fieldset>`;
}
