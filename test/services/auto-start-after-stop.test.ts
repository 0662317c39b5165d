// When auto-start may start the next run after Stop: stood or walked 3 s of the pod's clock with no
// running reading between, a silence of 5 s, or a new connection (a new live session).
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

  it('ends with a new connection, or the new live session it brings', () => {
    const wait = stoppedAfterRunning();
    wait.connected();
    expect(wait.waiting).to.equal(false);
    const again = stoppedAfterRunning();
    again.reading({}, 0, true);
    expect(again.waiting).to.equal(false);
  });
});
