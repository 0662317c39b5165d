// Issue 20: nothing runs while the app is idle. An import starts the import worker and ends it when
// the import is done: no timer left pending to end it later (a timer while idle), no worker kept.

import { expect } from '@open-wc/testing';
import { clear } from 'idb-keyval';
import { encodeTcx } from '../../src/export/tcx.js';
import { importRunFiles } from '../../src/services/data-files.js';
import { defaultCadenceZones } from '../../src/session/zones.js';
import { kvStore, useSeparateDatabase } from '../../src/store/kv.js';
import { fixtureSession } from '../export/session-fixture.js';

useSeparateDatabase('stride-test-data-files-idle');

describe('an import, once done', () => {
  before(() => clear(kvStore()));

  it('leaves no timer pending and no import worker running', async function () {
    this.timeout(30_000);
    const pending = new Set<number>();
    const { setTimeout: set, clearTimeout: clearIt, Worker: RealWorker } = window;
    let workers = 0;
    let ended = 0;
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id: number = set(
        (...a: unknown[]) => {
          pending.delete(id);
          if (typeof handler === 'function') handler(...a);
        },
        ms,
        ...args,
      );
      pending.add(id);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) pending.delete(id);
      clearIt(id);
    }) as typeof window.clearTimeout;
    window.Worker = class extends RealWorker {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        workers++;
      }
      override terminate(): void {
        ended++;
        super.terminate();
      }
    };
    try {
      const files = [new File([encodeTcx(fixtureSession())], 'a.tcx'), new File([encodeTcx(fixtureSession())], 'b.tcx')];
      const outcomes = await importRunFiles(files, defaultCadenceZones);
      expect(outcomes.map((o) => o.ok)).to.deep.equal([true, true]);
    } finally {
      Object.assign(window, { setTimeout: set, clearTimeout: clearIt, Worker: RealWorker });
    }
    expect([...pending], 'timers still pending').to.deep.equal([]);
    // One worker for the batch, ended with it.
    expect([workers, ended]).to.deep.equal([1, 1]);
  });
});
