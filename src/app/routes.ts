// Routes. The live page is the landing page and ships in the first bundle; every other page is
// its own chunk, loaded when its route is entered. Each page element gets the app's services on
// creation, and the route's parameters (session ids) as properties.

import type { Commands, Route, RouteContext } from '@vaadin/router';
import type { AppServices } from '../services/services.js';
import type { StrideComparePage } from '../pages/stride-compare-page.js';
import type { StrideSessionPage } from '../pages/stride-session-page.js';
import '../pages/stride-live-page.js';

type PageElement = HTMLElement & { services: AppServices | null };
type Params = RouteContext['params'];

const param = (params: Params, name: string): string => {
  const value = params[name];
  return typeof value === 'string' ? value : '';
};

function page(
  tag: string,
  load: () => Promise<unknown>,
  services: AppServices,
  withParams: (element: PageElement, params: Params) => void = () => undefined,
) {
  return async (context: RouteContext, commands: Commands) => {
    await load();
    const element = commands.component(tag) as PageElement;
    element.services = services;
    withParams(element, context.params);
    return element;
  };
}

export function appRoutes(services: AppServices): Route[] {
  return [
    { path: '/', action: page('stride-live-page', async () => undefined, services) },
    { path: '/settings', action: page('stride-settings-page', () => import('../pages/stride-settings-page.js'), services) },
    { path: '/history', action: page('stride-history-page', () => import('../pages/stride-history-page.js'), services) },
    {
      path: '/history/:id',
      action: page('stride-session-page', () => import('../pages/stride-session-page.js'), services, (element, params) => {
        (element as StrideSessionPage).sessionId = param(params, 'id');
      }),
    },
    {
      path: '/compare/:a/:b',
      action: page('stride-compare-page', () => import('../pages/stride-compare-page.js'), services, (element, params) => {
        const compare = element as StrideComparePage;
        compare.sessionA = param(params, 'a');
        compare.sessionB = param(params, 'b');
      }),
    },
    { path: '/treadmill', action: page('stride-treadmill-page', () => import('../pages/stride-treadmill-page.js'), services) },
    { path: '/weeks', action: page('stride-weeks-page', () => import('../pages/stride-weeks-page.js'), services) },
    { path: '/program', action: page('stride-program-page', () => import('../pages/stride-program-page.js'), services) },
    { path: '/workouts', action: page('stride-workouts-page', () => import('../pages/stride-workouts-page.js'), services) },
    { path: '/program/why', action: page('stride-program-why-page', () => import('../pages/stride-program-why-page.js'), services) },
    { path: '(.*)', redirect: '/' },
  ];
}
