// When auto-start may start the next run after Stop: stood or walked 3 s of the pod's clock with no
// running reading between, a silence of 5 s, or a connection the runner made (a new live session);
// not the link's own reconnect after a drop.
import { expect } from '@open-wc/testing';
import { AutoStartAfterStop } from '../../src/services/auto-start-after-stop.js';

const session = {};

function stoppedAfterRunning(): AutoStartAfterStop {
  const wait = new AutoStartAfterStop();
  wait.reading(session, 100, true);
  wait.stopped();
  return wait;
}

describe('AutoStartAfterStop', () => {
  it('waits through walking spells under 3 s broken by running, and ends once 3 s are walked', () => {
    const wait = stoppedAfterRunning();
    for (let t = 101; t <= 120; t++) wait.reading(session, t, t % 3 === 0);
    expect(wait.waiting, 'two seconds walked at most').to.equal(true);
    wait.reading(session, 121, false);
    wait.reading(session, 122, false);
    wait.reading(session, 123, false);
    expect(wait.waiting, 'walked 121 to 123: 2 s').to.equal(true);
    wait.reading(session, 124, false);
    expect(wait.waiting, 'walked 3 s').to.equal(false);
  });

  it('ends after 5 s of the pod without a reading, not after 4', () => {
    const wait = stoppedAfterRunning();
    wait.reading(session, 104, true);
    expect(wait.waiting).to.equal(true);
    wait.reading(session, 109, true);
    expect(wait.waiting).to.equal(false);
  });

  it('ends with a connection the runner made, or the new live session it brings', () => {
    const wait = stoppedAfterRunning();
    wait.connected('runner');
    expect(wait.waiting).to.equal(false);
    const again = stoppedAfterRunning();
    again.reading({}, 0, true);
    expect(again.waiting).to.equal(false);
  });

  // Stop pressed while still jogging the belt down; the link drops ~1 s and comes back by itself.
  it('keeps waiting across a link that reconnects by itself within 5 s while the runner still jogs', () => {
    const wait = new AutoStartAfterStop();
    for (let t = 100; t <= 110; t++) wait.reading(session, t, true);
    wait.stopped();
    wait.reading(session, 111, true);
    wait.reading(session, 112, true);
    wait.connected('link');
    wait.reading(session, 114, true);
    wait.reading(session, 115, true);
    expect(wait.waiting, 'never stood, silent 2 s').to.equal(true);
  });

  it('ends when the link reconnects by itself after 5 s of silence', () => {
    const wait = stoppedAfterRunning();
    wait.connected('link');
    wait.reading(session, 105, true);
    expect(wait.waiting).to.equal(false);
  });
});
