// What main.ts loads once the page is idle: the service worker's updates and the banner that offers
// them, in one file, so the first load fetches one more file for them rather than two.
import '../components/stride-update-banner.js';

export { watchForUpdates } from './app-updates.js';
