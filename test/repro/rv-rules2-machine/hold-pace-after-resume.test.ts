import { expect } from '@open-wc/testing';
import { MachineDriver, timed } from '../../workout/workout-machine-driver.js';

// Issue 19: "The app sets a speed when a step starts and never nudges it again within the step";
// hold-pace may correct "by at most 0.3 km/h per 30 s". After Pause and Resume the app sets the
// step's speed again and the belt climbs from a standstill. The 30 s since the last correction are
// counted from before the pause, so on the climb a reading a little under the step's speed (9.6 of
// 10.0) together with the pod (which reads the runner still speeding up) triggers a "correction"
// at once: the app sends a second speed a few seconds after its own Resume command, a change the
// runner did not make and that hold-pace's own bounds were meant to rule out (the belt had not yet
// run at what the app set).
describe('rv-rules2: hold-pace while the belt climbs after Resume', () => {
  it('sends nothing but the step’s own speed while the belt climbs back to it after Resume', () => {
    const d = new MachineDriver();
    d.start(timed(600, 10), { settings: { holdPace: true } });
    d.answerAll();
    d.run(1);
    d.run(60, 1, 10, { beltKmh: 10, podKmh: 10 });
    d.send({ kind: 'pause' });
    d.answerAll();
    d.send({ kind: 'resume' });
    expect(d.answerAll()).to.deep.equal([{ kind: 'speed', value: 10, step: 0 }]);
    const sent = [];
    for (const beltKmh of [2, 5, 8, 9.6]) sent.push(...d.run(1, 1, beltKmh, { beltKmh, podKmh: beltKmh - 0.6 }));
    expect(sent).to.deep.equal([]);
  });
});
