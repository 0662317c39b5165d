// Components are checked for contrast on the app's own page colours, as a runner sees them.
const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = '/public/base.css';
export const appTheme = new Promise<void>((resolve, reject) => {
  link.onload = () => resolve();
  link.onerror = () => reject(new Error('public/base.css did not load'));
});
document.head.append(link);
