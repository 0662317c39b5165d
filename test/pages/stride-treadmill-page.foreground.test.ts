// Entering the treadmill screen holds the screen awake with the real Screen Wake Lock API (the
// app's own coach engine, not a recorder), the permission set through the DevTools protocol as a
// runner would set it in Chrome's site settings. A wake lock needs the visible tab, hence the
// foreground group.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createServices } from '../../src/services/services.js';
import '../../src/pages/stride-treadmill-page.js';
import type { StrideTreadmillPage } from '../../src/pages/stride-treadmill-page.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';

useSeparateDatabase('stride-test-treadmill-wake-lock');

const permission = (setting: 'granted' | 'denied') =>
  executeServerCommand('page-permission', { permission: { name: 'screen-wake-lock' }, setting });

describe('stride-treadmill-page keeps the screen awake', () => {
  before(async () => {
    await appTheme;
    await executeServerCommand('page-front');
  });

  it('requests a screen wake lock on entering, and lets it go on leaving', async () => {
    await permission('granted');
    const services = createServices();
    const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
    const engine = (await services.coach.engine())!;
    await waitUntil(() => engine.wakeLock.state === 'held', `held (it is ${engine.wakeLock.state})`, { timeout: 5000 });
    expect(services.coach.wakeLockMessage).to.equal(null);
    page.remove();
    await waitUntil(() => engine.wakeLock.state === 'released', 'released on leaving', { timeout: 5000 });
  });

  it('says in one line when the browser refuses it', async () => {
    // Chromium 156 headless grants a screen wake lock whatever the permission override says, so
    // the refusal comes from the API itself, as a browser that says no answers.
    const request = navigator.wakeLock.request;
    navigator.wakeLock.request = () => Promise.reject(new DOMException('Wake lock denied by the browser', 'NotAllowedError'));
    try {
      const services = createServices();
      const page = await fixture<StrideTreadmillPage>(html`<stride-treadmill-page .services=${services}></stride-treadmill-page>`);
      const engine = (await services.coach.engine())!;
      await waitUntil(() => engine.wakeLock.state === 'refused', `refused (it is ${engine.wakeLock.state})`, { timeout: 5000 });
      await page.updateComplete;
      expect(page.shadowRoot!.querySelector('#wake-lock')!.textContent!.trim()).to.match(/screen timeout/);
      await expect(page).to.be.accessible();
      page.remove();
    } finally {
      navigator.wakeLock.request = request;
    }
  });
});
