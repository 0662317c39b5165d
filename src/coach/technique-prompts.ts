// The app's own technique check-ins, built on the coaching idea behind the cadence zones: short,
// quick steps that land under the hips, a tall relaxed body, and small changes over weeks.
// Each is short enough to read at a glance on a treadmill and to speak in a few seconds.

import type { TechniquePrompt } from './coach-events.js';

export const techniquePrompts: readonly TechniquePrompt[] = Object.freeze([
  {
    id: 'under-hips',
    title: 'Land under your hips',
    text: 'Let each foot come down below you, not out in front. If you feel a braking thud, shorten the step.',
  },
  {
    id: 'quick-light-feet',
    title: 'Quick, light feet',
    text: 'Think of the belt as hot: touch it and lift again. Quick off the ground, not pushing hard.',
  },
  {
    id: 'tall-posture',
    title: 'Run tall',
    text: 'Grow tall from the crown of your head, hips forward, a slight lean from the ankles, not the waist.',
  },
  {
    id: 'relaxed-shoulders',
    title: 'Drop your shoulders',
    text: 'Let your shoulders fall away from your ears and keep your hands loose, as if holding a crisp.',
  },
  {
    id: 'count-right-foot',
    title: 'Count your right foot',
    text: 'Count each time your right foot lands for 30 seconds, then double it: that is your cadence. Compare it with the screen.',
  },
  {
    id: 'short-quick-steps',
    title: 'Short and quick',
    text: 'Shorter, quicker steps rather than long reaching ones. The speed comes from the rhythm, not the reach.',
  },
  {
    id: 'quiet-feet',
    title: 'Quiet feet',
    text: 'Listen to your landings. Make them quieter for a minute: softer, lighter, a little quicker.',
  },
  {
    id: 'arms-forward-back',
    title: 'Arms forward and back',
    text: 'Swing your arms forward and back from the shoulder, elbows bent, not across your body.',
  },
  {
    id: 'relaxed-face',
    title: 'Soft face, easy breath',
    text: 'Unclench your jaw and let your face go soft. Tension there spreads to your shoulders.',
  },
  {
    id: 'small-steps',
    title: 'Small steps, big change',
    text: 'A few steps per minute more than last week is plenty. Let the new rhythm feel easy before adding more.',
  },
]);
