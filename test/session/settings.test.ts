import { expect } from '@open-wc/testing';
import { defaultSettings, settingsFrom, zonesMoved } from '../../src/session/settings.js';
import { coachSettingsFrom, defaultCoachSettings } from '../../src/session/coach-settings.js';
import { defaultPlanSettings, planSettingsFrom } from '../../src/session/plan-settings.js';

describe('settingsFrom', () => {
  it('keeps valid stored settings', () => {
    const stored = {
      zones: { buildingFrom: 155, targetFrom: 165, targetTo: 178 },
      distanceUnit: 'mi',
      smoothingS: 15,
      autoStart: true,
      autoPauseAfterS: 10,
      footpods: [
        { id: 'bluetooth:q1w2e3==', name: 'Polar Stride', detected: 'strides', override: 'auto' },
        { id: 'simulator:simulated', name: 'Simulated footpod', detected: null, override: 'strides', calibration: [{ podSpeedMps: 3, factor: 0.94 }], autoCalibrationLocked: true },
      ],
      coach: {
        metronome: { rateSpm: 172, everyStep: false, volume: 0.3, followPlan: true },
        cues: { enabled: true, sound: false, speech: true, vibration: true, afterS: 20, everyS: 120, warmUpS: 300, backInZoneSound: false },
        checkIns: { everyMin: 0, speak: true, fadeAfterS: 0 },
        muted: true,
      },
      plan: {
        accepted: [
          { targetFrom: 155, targetTo: 165, atMs: 1_700_000_000_000 },
          { targetFrom: 160, targetTo: 170, atMs: 1_702_000_000_000 },
        ],
        declined: { targetFrom: 165, targetTo: 175, atMs: 1_704_000_000_000 },
        tapped: { spm: 152, atMs: 1_699_000_000_000 },
      },
      speedFrom: 'treadmill',
      sensors: { treadmillId: 'tm==', heartRateId: null, footpodId: 'pod==' },
      liveSensorsOpen: true,
      theme: 'dark',
    };
    expect(settingsFrom(stored)).to.deep.equal(stored);
  });
  it('falls back field by field for damaged values', () => {
    const s = settingsFrom({ zones: { buildingFrom: 190, targetFrom: 170, targetTo: 180 }, distanceUnit: 'furlong', smoothingS: 15 });
    expect(s.zones).to.deep.equal(defaultSettings.zones);
    expect(s.distanceUnit).to.equal('km');
    expect(s.smoothingS).to.equal(15);
    expect(settingsFrom({ autoStart: 'yes', autoPauseAfterS: 7 })).to.include({ autoStart: false, autoPauseAfterS: 0 });
    expect(settingsFrom({ footpods: [{ id: 'bluetooth:a', detected: 'feet', override: 'always' }, 'junk'] }).footpods).to.deep.equal([
      { id: 'bluetooth:a', name: null, detected: null, override: 'auto' },
    ]);
    expect(settingsFrom({ footpods: 'none' }).footpods).to.deep.equal([]);
  });
  it('moves zone edges stored between whole steps to the nearest whole step, and says so; the defaults where that leaves no valid set', () => {
    const stored = { zones: { buildingFrom: 160, targetFrom: 170.5, targetTo: 180 } };
    expect(settingsFrom(stored).zones).to.deep.equal({ buildingFrom: 160, targetFrom: 171, targetTo: 180 });
    expect(zonesMoved(stored)).to.equal('Zone boundaries are whole steps per minute: Target from 170.5 is now 171.');
    const collapsed = { zones: { buildingFrom: 169.6, targetFrom: 170.4, targetTo: 180 } };
    expect(settingsFrom(collapsed).zones).to.deep.equal(defaultSettings.zones);
    expect(zonesMoved(collapsed)).to.match(/Building from 169.6 is now 170, Target from 170.4 is now 170\. Those are not a valid set, so the zones are back to 160 \/ 170 \/ 180\./);
    expect(zonesMoved({ zones: { buildingFrom: 158, targetFrom: 168, targetTo: 178 } })).to.equal(null);
    expect(zonesMoved({ zones: 'oops' })).to.equal(null);
  });

  it('keeps a plan step stored between whole steps, rounded as the zones are, rather than dropping it', () => {
    const plan = planSettingsFrom({ accepted: [{ targetFrom: 165.5, targetTo: 175.5, atMs: 1 }] });
    expect(plan.accepted).to.deep.equal([{ targetFrom: 166, targetTo: 176, atMs: 1 }]);
  });

  it('gives the defaults for nothing stored or garbage', () => {
    for (const garbage of [undefined, null, 42, 'x', []]) expect(settingsFrom(garbage)).to.deep.equal({ ...defaultSettings });
  });
});

describe('planSettingsFrom', () => {
  it('starts with no plan: nothing accepted, declined or tapped', () => {
    expect(settingsFrom(undefined).plan).to.deep.equal({ accepted: [], declined: null, tapped: null });
  });

  it('drops damaged entries one by one and keeps the rest', () => {
    const plan = planSettingsFrom({
      accepted: [
        { targetFrom: 160, targetTo: 170, atMs: 5 },
        { targetFrom: 170, targetTo: 165, atMs: 6 },
        { targetFrom: 170, targetTo: 400, atMs: 7 },
        { targetFrom: '165', targetTo: 175, atMs: 8 },
        { targetFrom: 165, targetTo: 175, atMs: -1 },
        'junk',
        { targetFrom: 165, targetTo: 175, atMs: 9 },
      ],
      declined: { targetFrom: 165, targetTo: 175 },
      tapped: { spm: 900, atMs: 3 },
    });
    expect(plan).to.deep.equal({
      accepted: [
        { targetFrom: 160, targetTo: 170, atMs: 5 },
        { targetFrom: 165, targetTo: 175, atMs: 9 },
      ],
      declined: null,
      tapped: null,
    });
    expect(planSettingsFrom({ accepted: 'all', declined: 4, tapped: { spm: 150, atMs: Number.NaN } })).to.deep.equal(defaultPlanSettings);
    expect(planSettingsFrom({ tapped: { spm: 150, atMs: 12 } }).tapped).to.deep.equal({ spm: 150, atMs: 12 });
  });

  it('keeps a plan when another setting is damaged, and the other settings when the plan is', () => {
    const accepted = [{ targetFrom: 160, targetTo: 170, atMs: 5 }];
    expect(settingsFrom({ distanceUnit: 'furlong', plan: { accepted } }).plan.accepted).to.deep.equal(accepted);
    expect(settingsFrom({ distanceUnit: 'mi', plan: 'broken' })).to.include({ distanceUnit: 'mi' });
  });
});

describe('settingsFrom: sensors and the source of speed', () => {
  it('takes speed from the footpod and remembers no sensor by default', () => {
    expect(defaultSettings.speedFrom).to.equal('footpod');
    expect(settingsFrom(undefined).sensors).to.deep.equal({ treadmillId: null, heartRateId: null, footpodId: null });
  });

  it('keeps valid choices and device ids, and falls back field by field on damaged ones', () => {
    const kept = settingsFrom({ speedFrom: 'treadmill', sensors: { treadmillId: 'tm==', heartRateId: 'hr==', footpodId: 'pod==' } });
    expect(kept.speedFrom).to.equal('treadmill');
    expect(kept.sensors).to.deep.equal({ treadmillId: 'tm==', heartRateId: 'hr==', footpodId: 'pod==' });
    const damaged = settingsFrom({ speedFrom: 'gps', distanceUnit: 'mi', sensors: { treadmillId: 7, heartRateId: '', footpodId: 'x'.repeat(201) } });
    expect(damaged.speedFrom).to.equal('footpod');
    expect(damaged.distanceUnit).to.equal('mi');
    expect(damaged.sensors).to.deep.equal({ treadmillId: null, heartRateId: null, footpodId: null });
    expect(settingsFrom({ sensors: 'all', speedFrom: null })).to.deep.include({ speedFrom: 'footpod', sensors: defaultSettings.sensors });
    expect(settingsFrom({ sensors: { heartRateId: 'hr==' } }).sensors).to.deep.equal({ treadmillId: null, heartRateId: 'hr==', footpodId: null });
  });
});

describe('coachSettingsFrom', () => {
  it('gives sensible defaults without touching Settings: metronome at the zone middle, cues after 10 s, at most one a minute, check-ins every 5 min', () => {
    expect(settingsFrom(undefined).coach).to.deep.equal(defaultCoachSettings);
    expect(defaultCoachSettings.metronome.rateSpm).to.equal(null);
    expect([defaultCoachSettings.cues.afterS, defaultCoachSettings.cues.everyS, defaultCoachSettings.cues.warmUpS]).to.deep.equal([10, 60, 60]);
    expect(defaultCoachSettings.checkIns.everyMin).to.equal(5);
  });

  it('falls back field by field: a rate outside 140-220, a volume above 1, an unknown choice', () => {
    const coach = coachSettingsFrom({
      metronome: { rateSpm: 250, everyStep: 'no', volume: 3, followPlan: true },
      cues: { afterS: 7, everyS: 120, speech: true },
      checkIns: { everyMin: -1 },
      muted: 'yes',
    });
    expect(coach.metronome).to.deep.equal({ ...defaultCoachSettings.metronome, followPlan: true });
    expect(coach.cues).to.deep.equal({ ...defaultCoachSettings.cues, everyS: 120, speech: true });
    expect(coach.checkIns).to.deep.equal(defaultCoachSettings.checkIns);
    expect(coach.muted).to.equal(false);
    expect(coachSettingsFrom({ metronome: { rateSpm: 140 } }).metronome.rateSpm).to.equal(140);
    expect(coachSettingsFrom({ metronome: { rateSpm: 175.5 } }).metronome.rateSpm).to.equal(null);
  });

  it('lets a check-in go by itself after 12 s unless the runner chose 6-30 s or "until dismissed" (0), also for settings saved before the choice', () => {
    expect(defaultCoachSettings.checkIns.fadeAfterS).to.equal(12);
    expect(coachSettingsFrom({ checkIns: { everyMin: 10, speak: true } }).checkIns).to.deep.equal({ everyMin: 10, speak: true, fadeAfterS: 12 });
    for (const fadeAfterS of [0, 6, 30]) expect(coachSettingsFrom({ checkIns: { fadeAfterS } }).checkIns.fadeAfterS).to.equal(fadeAfterS);
    for (const fadeAfterS of [7, -6, '12', null]) expect(coachSettingsFrom({ checkIns: { fadeAfterS } }).checkIns.fadeAfterS).to.equal(12);
  });
});

describe('settingsFrom: theme', () => {
  it('follows the system when settings saved before there was a theme are loaded', () => {
    const older = { zones: { buildingFrom: 155, targetFrom: 165, targetTo: 178 }, distanceUnit: 'mi', autoStart: true };
    expect(settingsFrom(older).theme).to.equal('system');
    expect(settingsFrom(older).distanceUnit).to.equal('mi');
    expect(defaultSettings.theme).to.equal('system');
  });

  it('keeps light and dark, and falls back to system for anything else', () => {
    expect(settingsFrom({ theme: 'light' }).theme).to.equal('light');
    expect(settingsFrom({ theme: 'dark' }).theme).to.equal('dark');
    expect(settingsFrom({ theme: 'sepia' }).theme).to.equal('system');
    expect(settingsFrom({ theme: 1 }).theme).to.equal('system');
  });
});
