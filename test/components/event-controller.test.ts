// The controller every page follows its services with: while the tab is hidden an event draws
// nothing, and the tab shown again draws once, whatever number of events and services came in
// between, and only when something did.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { EventController } from '../../src/components/event-controller.js';

class EventControllerHost extends LitElement {
  renders = 0;
  readonly a = new EventTarget();
  readonly b = new EventTarget();
  constructor() {
    super();
    new EventController(this, ['change', 'sample'], this.a);
    new EventController(this, ['change'], this.b);
  }
  protected override render() {
    this.renders++;
    return html`${this.renders}`;
  }
}
customElements.define('event-controller-host', EventControllerHost);

function setTabHidden(hidden: boolean): void {
  if (hidden) Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  else delete (document as { visibilityState?: unknown }).visibilityState;
  document.dispatchEvent(new Event('visibilitychange'));
}

const drawn = async (host: EventControllerHost) => {
  await host.updateComplete;
  await new Promise((resolve) => setTimeout(resolve));
  return host.renders;
};

describe('EventController', () => {
  let host: EventControllerHost;
  beforeEach(async () => {
    host = await fixture<EventControllerHost>(html`<event-controller-host></event-controller-host>`);
    host.renders = 0;
  });
  afterEach(() => setTabHidden(false));

  it('draws on each event while the tab is shown', async () => {
    host.a.dispatchEvent(new Event('sample'));
    expect(await drawn(host)).to.equal(1);
    host.b.dispatchEvent(new Event('change'));
    expect(await drawn(host)).to.equal(2);
  });

  it('draws nothing while hidden, then once when shown, for many events of two services', async () => {
    setTabHidden(true);
    for (let i = 0; i < 20; i++) {
      host.a.dispatchEvent(new Event(i % 2 ? 'change' : 'sample'));
      host.b.dispatchEvent(new Event('change'));
      await new Promise((resolve) => setTimeout(resolve));
    }
    expect(await drawn(host)).to.equal(0);
    setTabHidden(false);
    expect(await drawn(host)).to.equal(1);
    // Shown again and again with nothing new: nothing more to draw.
    setTabHidden(true);
    setTabHidden(false);
    expect(await drawn(host)).to.equal(1);
  });

  it('draws nothing when the tab is hidden and shown with no event between', async () => {
    setTabHidden(true);
    setTabHidden(false);
    expect(await drawn(host)).to.equal(0);
  });

  it('catches up when put back in the page, if an event came while hidden before it left', async () => {
    setTabHidden(true);
    host.a.dispatchEvent(new Event('change'));
    const parent = host.parentNode!;
    host.remove();
    setTabHidden(false);
    expect(await drawn(host), 'not drawn while out of the page').to.equal(0);
    parent.appendChild(host);
    expect(await drawn(host)).to.equal(1);
    // Caught up: out of the page and back again with nothing new, nothing more to draw.
    host.remove();
    parent.appendChild(host);
    expect(await drawn(host)).to.equal(1);
  });
});
