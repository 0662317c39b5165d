import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { SettingsService } from '../../src/app/settings-service.js';
import { applyTheme, followTheme, themeFor } from '../../src/app/theme.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';

useSeparateDatabase('stride-test-theme');

const background = () => getComputedStyle(document.documentElement).backgroundColor;

describe('theme', () => {
  let root: HTMLElement;
  before(() => appTheme);
  beforeEach(() => {
    root = document.createElement('div');
  });
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'dark' });
    applyTheme('dark');
  });

  it('takes the system\'s choice only for "system"', () => {
    expect(themeFor('system', true)).to.equal('light');
    expect(themeFor('system', false)).to.equal('dark');
    expect(themeFor('light', false)).to.equal('light');
    expect(themeFor('dark', true)).to.equal('dark');
  });

  it('applies the setting at once, again when it changes, and follows the system while on "system"', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const settings = new SettingsService();
    const stop = followTheme(settings, root);
    expect(root.dataset['theme']).to.equal('light');
    await settings.update({ theme: 'dark' });
    expect(root.dataset['theme']).to.equal('dark');
    await settings.update({ theme: 'system' });
    expect(root.dataset['theme']).to.equal('light');
    await emulateMedia({ colorScheme: 'dark' });
    await waitUntil(() => root.dataset['theme'] === 'dark', 'follows the system to dark', { timeout: 2000 });
    stop();
    await settings.update({ theme: 'light' });
    expect(root.dataset['theme'], 'stopped following').to.equal('dark');
  });

  it('gives the page light colours for "light" and dark ones for "dark"', async () => {
    const settings = new SettingsService();
    const stop = followTheme(settings);
    await settings.update({ theme: 'light' });
    expect(background()).to.equal('rgb(241, 245, 249)');
    await settings.update({ theme: 'dark' });
    expect(background()).to.equal('rgb(11, 17, 32)');
    stop();
  });
});
