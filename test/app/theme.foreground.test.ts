// The system's light or dark setting reaches the page only in the tab in front: a background
// tab evaluates no media queries, so this runs in the foreground group.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { SettingsService } from '../../src/services/settings-service.js';
import { followTheme } from '../../src/app/theme.js';
import { useSeparateDatabase } from '../../src/store/kv.js';

useSeparateDatabase('stride-test-theme-foreground');

describe('theme, following the system', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
  });
  afterEach(() => emulateMedia({ colorScheme: 'dark' }));

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

});
