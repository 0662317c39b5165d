// Puts the theme the runner chose (or the system's, for 'system') on <html> as data-theme, where
// public/base.css picks its colours from. Kept here, not in src/session: it touches the page.

import type { ThemeChoice } from '../session/settings.js';
import type { SettingsService } from '../services/settings-service.js';

export type Theme = 'light' | 'dark';

const systemPrefersLight = () => matchMedia('(prefers-color-scheme: light)');

export function themeFor(choice: ThemeChoice, systemLight: boolean): Theme {
  if (choice === 'system') return systemLight ? 'light' : 'dark';
  return choice;
}

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (root.dataset['theme'] !== theme) root.dataset['theme'] = theme;
}

/**
 * Applies the theme of the settings now, again whenever they change, and when the system switches
 * between light and dark (a phone at dusk) while the choice is 'system'. Returns the function that stops.
 */
export function followTheme(settings: SettingsService, root: HTMLElement = document.documentElement): () => void {
  const system = systemPrefersLight();
  const apply = () => applyTheme(themeFor(settings.settings.theme, system.matches), root);
  apply();
  settings.addEventListener('change', apply);
  system.addEventListener('change', apply);
  return () => {
    settings.removeEventListener('change', apply);
    system.removeEventListener('change', apply);
  };
}
