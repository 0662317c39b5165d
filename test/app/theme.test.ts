import { expect } from '@open-wc/testing';
import { SettingsService } from '../../src/services/settings-service.js';
import { applyTheme, followTheme, themeFor } from '../../src/app/theme.js';
import { useSeparateDatabase } from '../../src/store/kv.js';
import { appTheme } from '../support/app-theme.js';

useSeparateDatabase('stride-test-theme');

const background = () => getComputedStyle(document.documentElement).backgroundColor;

describe('theme', () => {
  before(() => appTheme);
  afterEach(() => applyTheme('dark'));

  it('takes the system\'s choice only for "system"', () => {
    expect(themeFor('system', true)).to.equal('light');
    expect(themeFor('system', false)).to.equal('dark');
    expect(themeFor('light', false)).to.equal('light');
    expect(themeFor('dark', true)).to.equal('dark');
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
