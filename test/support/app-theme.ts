// Components are checked for contrast on the app's own page colours, as a runner sees them, in
// either theme: `await useTheme('light')` switches the whole page, as Settings does. Dark until
// then, whatever the test browser's own preference: the app sets a theme before it draws anything.
import { applyTheme, type Theme } from '../../src/app/theme.js';

applyTheme('dark');

const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = '/public/base.css';
export const appTheme = new Promise<void>((resolve, reject) => {
  link.onload = () => resolve();
  link.onerror = () => reject(new Error('public/base.css did not load'));
});
document.head.append(link);

export const themes: readonly Theme[] = ['dark', 'light'];

/** Loads the app's colours and shows them in `theme` (data-theme on <html>). */
export async function useTheme(theme: Theme): Promise<void> {
  await appTheme;
  applyTheme(theme);
}
