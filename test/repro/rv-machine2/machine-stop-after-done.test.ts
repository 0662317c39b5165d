// rv-machine2: the workout runner, pure machine with scripted events.
import { expect } from '@open-wc/testing';
import { limits, MachineDriver, timed } from '../../workout/workout-machine-driver.js';

describe('rv-machine2: workout machine', () => {
  // After the last step the machine says "Workout done. The belt keeps its speed: slow it or stop
  // it on the treadmill." and the strip keeps a "Stop the belt" button on screen (stride-workout-strip:
  // `finished && view.mode === 'belt'`). Issue 19: "A Stop button, always on screen during a
  // workout, stops the belt (0x08 0x01)". A runner pressing that button on a belt still running at
  // the last step's speed expects it to stop; the machine ignores the press (stop needs active()).
  it('"Stop the belt" pressed after the workout finished on a driven belt sends the stop', () => {
    const d = new MachineDriver();
    d.start(timed(30, 10, 12), { limits: limits() });
    d.answerAll();
    d.run(1);
    d.run(60);
    d.answerAll();
    expect(d.state.phase).to.equal('finished');
    const commands = d.send({ kind: 'stop' });
    expect(commands.map((c) => c.kind)).to.include('stop');
  });
});
