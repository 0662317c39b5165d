import { expect, fixture, html } from '@open-wc/testing';
import { AppUpdates, type ServiceWorkerHandle } from '../../src/app/app-updates.js';
import '../../src/components/stride-update-banner.js';
import type { StrideUpdateBanner } from '../../src/components/stride-update-banner.js';
import type { RecorderState } from '../../src/session/recorder.js';
import { appTheme } from '../support/app-theme.js';

class FakeWorker implements ServiceWorkerHandle {
  readonly listeners = new Map<string, () => void>();
  skipWaitingMessages = 0;
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void {
    this.listeners.set(type, listener);
  }
  messageSkipWaiting(): void {
    this.skipWaitingMessages++;
  }
}

class FakeRun extends EventTarget {
  state: RecorderState = 'idle';
  set(state: RecorderState): void {
    this.state = state;
    this.dispatchEvent(new Event('change'));
  }
}

async function banner() {
  const worker = new FakeWorker();
  const run = new FakeRun();
  const updates = new AppUpdates(worker, run, () => undefined);
  const element = await fixture<StrideUpdateBanner>(html`<stride-update-banner .updates=${updates}></stride-update-banner>`);
  const status = () => element.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
  const reload = () => element.shadowRoot!.querySelector<HTMLButtonElement>('#reload');
  const newVersion = async () => {
    worker.listeners.get('waiting')!();
    await element.updateComplete;
  };
  return { element, worker, run, status, reload, newVersion };
}

describe('stride-update-banner', () => {
  before(() => appTheme);

  it('shows nothing while the app is current, but keeps its status region for the news to come', async () => {
    const { element, status, reload } = await banner();
    expect(status()).to.equal('');
    expect(reload() === null).to.equal(true);
    expect(element.getBoundingClientRect().height).to.equal(0);
  });

  it('says a new version is ready and offers Reload, which asks the new version to take over', async () => {
    const { element, worker, status, reload, newVersion } = await banner();
    await newVersion();
    expect(status()).to.equal('New version ready');
    expect(reload()!.textContent!.trim()).to.equal('Reload');
    await expect(element).to.be.accessible();
    reload()!.click();
    await element.updateComplete;
    expect(worker.skipWaitingMessages).to.equal(1);
    expect(status()).to.match(/loading the new version/i);
    expect(reload() === null).to.equal(true);
  });

  it('during a run says the new version comes after it, with no Reload until the run is stopped', async () => {
    const { element, run, status, reload, newVersion } = await banner();
    run.set('recording');
    await newVersion();
    expect(status()).to.match(/after this run/);
    expect(reload() === null).to.equal(true);
    await expect(element).to.be.accessible();
    run.set('paused');
    await element.updateComplete;
    expect(reload() === null).to.equal(true);
    run.set('stopped');
    await element.updateComplete;
    expect(status()).to.equal('New version ready');
    expect(reload() !== null).to.equal(true);
  });

  it('✕ puts the message away until there is something new to say', async () => {
    const { element, run, status, reload, newVersion } = await banner();
    run.set('recording');
    await newVersion();
    element.shadowRoot!.querySelector<HTMLButtonElement>('#dismiss')!.click();
    await element.updateComplete;
    expect(status()).to.equal('');
    expect(element.getBoundingClientRect().height).to.equal(0);
    run.set('stopped');
    await element.updateComplete;
    expect(status()).to.equal('New version ready');
    expect(reload() !== null).to.equal(true);
  });
});
