// Shortcuts with real key presses: space goes to its shortcut even with a button focused (and
// that button is not pressed too), Enter stays with the button, nothing fires while typing.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { KeyboardShortcuts } from '../../src/components/keyboard-shortcuts.js';

class ShortcutsHost extends LitElement {
  readonly log: string[] = [];
  /** What Enter's shortcut answers: false means "nothing to do now". */
  enterHandled = true;
  /** What space's shortcut answers (false while a dialog's question is open, say). */
  spaceHandled = true;
  constructor() {
    super();
    new KeyboardShortcuts(this, {
      ' ': () => {
        this.log.push('space');
        return this.spaceHandled;
      },
      l: () => void this.log.push('l'),
      Enter: () => {
        this.log.push('enter');
        return this.enterHandled;
      },
    });
  }
  protected override render() {
    return html`<button id="button" @click=${() => this.log.push('click')}>Lap</button>
      <input id="input" aria-label="Name" />
      <textarea id="textarea" aria-label="Notes"></textarea>
      <div id="editable" contenteditable="true" aria-label="Editable"></div>`;
  }
}
customElements.define('shortcuts-host', ShortcutsHost);

const part = (host: ShortcutsHost, id: string) => host.shadowRoot!.querySelector<HTMLElement>(`#${id}`)!;

describe('KeyboardShortcuts', () => {
  it('leaves space to a focused button when its shortcut means nothing now, and takes it again after', async () => {
    const host = await fixture<ShortcutsHost>(html`<shortcuts-host></shortcuts-host>`);
    host.spaceHandled = false;
    part(host, 'button').focus();
    await sendKeys({ press: ' ' });
    expect(host.log).to.deep.equal(['space', 'click']);
    host.spaceHandled = true;
    await sendKeys({ press: ' ' });
    expect(host.log).to.deep.equal(['space', 'click', 'space']);
  });

  it('gives space to its shortcut while a button has focus, and does not press the button', async () => {
    const host = await fixture<ShortcutsHost>(html`<shortcuts-host></shortcuts-host>`);
    part(host, 'button').focus();
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'l' });
    expect(host.log).to.deep.equal(['space', 'l']);
    // Held down: repeats do nothing, and the button is still not pressed on release.
    await sendKeys({ down: ' ' });
    await sendKeys({ down: ' ' });
    await sendKeys({ up: ' ' });
    expect(host.log).to.deep.equal(['space', 'l', 'space']);
  });

  it('leaves Enter to a focused button, and to the page when the shortcut has nothing to do', async () => {
    const host = await fixture<ShortcutsHost>(html`<shortcuts-host></shortcuts-host>`);
    part(host, 'button').focus();
    await sendKeys({ press: 'Enter' });
    expect(host.log).to.deep.equal(['click']);
    part(host, 'button').blur();
    host.enterHandled = false;
    let defaultPrevented: boolean | null = null;
    const seen = (event: KeyboardEvent) => (defaultPrevented = event.defaultPrevented);
    window.addEventListener('keydown', seen);
    await sendKeys({ press: 'Enter' });
    window.removeEventListener('keydown', seen);
    expect(host.log).to.deep.equal(['click', 'enter']);
    expect(defaultPrevented, 'an unhandled Enter keeps its default').to.equal(false);
  });

  it('does nothing while the runner types in a field', async () => {
    const host = await fixture<ShortcutsHost>(html`<shortcuts-host></shortcuts-host>`);
    for (const id of ['input', 'textarea', 'editable']) {
      part(host, id).focus();
      await sendKeys({ type: 'l l' });
    }
    expect(host.log).to.deep.equal([]);
    expect((part(host, 'input') as HTMLInputElement).value).to.equal('l l');
    expect(part(host, 'editable').textContent).to.equal('l l');
  });

  it('stops listening when its element leaves the page', async () => {
    const host = await fixture<ShortcutsHost>(html`<shortcuts-host></shortcuts-host>`);
    host.remove();
    await sendKeys({ press: ' ' });
    expect(host.log).to.deep.equal([]);
  });
});
