// Routes. The live page is the landing page and ships in the first bundle; every other page is
// its own chunk, loaded when its route is entered. Each page element gets the app's services on creation.

import type { Commands, Route } from '@vaadin/router';
import type { AppServices } from './services.js';
import '../pages/stride-live-page.js';

type PageElement = HTMLElement & { services: AppServices | null };

function page(tag: string, load: () => Promise<unknown>, services: AppServices) {
  return async (_context: unknown, commands: Commands) => {
    await load();
    const element = commands.component(tag) as PageElement;
    element.services = services;
    return element;
  };
}

export function appRoutes(services: AppServices): Route[] {
  return [
    { path: '/', action: page('stride-live-page', async () => undefined, services) },
    { path: '/settings', action: page('stride-settings-page', () => import('../pages/stride-settings-page.js'), services) },
    { path: '(.*)', redirect: '/' },
  ];
}
