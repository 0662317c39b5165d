// A program session survives a reload mid-run, through Chromium's own Web Bluetooth stack and a
// real reload of the app's page (test/support/app-frame.ts, started as main.ts starts it): the
// reloaded app loads the program at start-up, the runner resumes the unfinished run, and the session
// goes on from the main part's seconds it had stored, with its feedback schedule where it was, to
// one done session of the full planned minutes.
import { expect, waitUntil } from '@open-wc/testing';
import { encodeRscMeasurement } from '../../src/ble/rsc-encode.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { loadProgram, saveProgram } from '../../src/store/program-store.js';
import { loadSession } from '../../src/store/session-store.js';
import type { AppFrame } from '../support/app-frame.js';
import { activateApp, clickInApp, openAppFrame, reloadAppFrame } from '../support/app-frame-host.js';
import { answerChooserWith, sendMeasurements, setupEmulatedFootpod, teardownEmulatedFootpod } from '../support/emulated-footpod.js';
import { programInBlock } from '../support/program-states.js';

const DATABASE = 'stride-test-program-reload';
useSeparateDatabase(DATABASE);

const LIVE = 'stride-live-page >>> ';
const PAIR = `${LIVE}stride-connection-panel >>> #pair`;
const RECONNECT = `${LIVE}stride-connection-panel >>> #reconnect`;
const START = `${LIVE}stride-recording-controls >>> #start`;
const RESUME_RECORDING = `${LIVE}stride-recording-controls >>> #resume`;
const RESUME_UNFINISHED = `${LIVE}stride-recovery-prompt >>> #resume-unfinished`;

const MAIN_S = 15 * 60;

describe('a program session through a reload of the app, on the emulated Web Bluetooth stack', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(async () => {
    frame?.remove();
    await teardownEmulatedFootpod();
  });

  it('goes on after the reload from the stored main-part seconds, in the same run, to one done session', async function () {
    this.timeout(40_000);
    await setupEmulatedFootpod({ name: 'Stryd' });
    await saveProgram(programInBlock(Date.now()));
    const opened = await openAppFrame(DATABASE);
    frame = opened.frame;
    let app: AppFrame = opened.app;
    await waitUntil(() => app.services.program.program !== null, 'the program loaded at start-up', { timeout: 5000 });
    await answerChooserWith('select');
    await activateApp(frame);
    await clickInApp(frame, PAIR);
    await waitUntil(() => app.services.footpod.source?.state === 'connected', 'paired', { timeout: 10_000 });
    await app.services.program.startNext();
    await clickInApp(frame, START);
    await waitUntil(() => app.services.recording.state === 'recording', 'recording', { timeout: 10_000 });

    let sent = 0;
    const run = async (count: number): Promise<void> => {
      const packets = Array.from({ length: count }, (_, i) =>
        encodeRscMeasurement({ speedMps: 3, cadence: 174, strideLengthM: 1.03, totalDistanceM: 3 * (sent + i), isRunning: true }),
      );
      await sendMeasurements(packets, (i) => {
        if (i > 0) app.clock.ms += 1000;
      }, {}, frame!.contentWindow!);
      sent += count;
    };
    // Five minutes of warm-up and 100 s of the main part, the metronome on (session 1: throughout).
    await run(401);
    expect(app.services.program.moment).to.include({ phase: 'main', mainDoneS: 100, metronomeOn: true });
    const id = app.services.recording.recorder!.id;
    await waitUntil(async () => (await loadProgram()).program?.active?.mainRunningS === 90, 'progress stored at 15 s steps', { timeout: 5000 });

    app = await reloadAppFrame(frame);
    await waitUntil(() => app.services.program.active !== null, 'the program run loaded at start-up', { timeout: 5000 });
    expect(app.services.program.active).to.include({ kind: 'session', n: 1, warmUpRunningS: 300, mainRunningS: 90 });
    await clickInApp(frame, RESUME_UNFINISHED);
    await clickInApp(frame, RECONNECT);
    await waitUntil(() => app.services.footpod.source?.state === 'connected', 'reconnected', { timeout: 10_000 });
    await clickInApp(frame, RESUME_RECORDING);
    await waitUntil(() => app.services.recording.state === 'recording', 'recording again', { timeout: 10_000 });
    expect(app.services.recording.recorder!.id, 'the same run, resumed').to.equal(id);
    app.clock.ms += 1000;
    await run(1);
    expect(app.services.program.moment).to.include({ phase: 'main', mainDoneS: 90, metronomeOn: true });
    await run(MAIN_S - 90 + 10);
    expect(app.services.program.moment?.phase).to.equal('cool-down');

    const saved = new Promise((resolve) => app.services.recording.addEventListener('saved', resolve, { once: true }));
    app.services.recording.stop();
    await saved;
    await waitUntil(() => app.services.program.justFinished !== null, 'the session measured', { timeout: 5000 });
    const done = app.services.program.program!.blocks[0]!.sessions[0]!;
    expect([...done.sessionIds]).to.deep.equal([id]);
    expect(done.mainRunningS).to.equal(MAIN_S);
    expect(done.cadenceSpm!).to.be.closeTo(174, 0.01);
    const stored = (await loadSession(id))!;
    expect(stored.meta.program!.mainFromT, 'where the main part began, before the reload').to.equal(300);
    expect(opened.errors, 'no console error').to.deep.equal([]);
  });
});
