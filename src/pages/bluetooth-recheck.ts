// Pairing is refused while Bluetooth is off, so the live page asks again whenever a runner may have
// turned it on meanwhile: when the page is shown, and when the window is back in front (after the
// system's Bluetooth settings). "Check again" on the connection panel does the same by hand.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FootpodService } from '../services/footpod-service.js';

export class BluetoothRecheck implements ReactiveController {
  readonly #check = (): void => {
    const bluetooth = this.footpod()?.bluetooth;
    if (bluetooth?.supported && bluetooth.state === 'unavailable') void bluetooth.checkAvailability();
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly footpod: () => FootpodService | null,
  ) {
    host.addController(this);
  }

  /** Also for when the page is handed its services after it was shown. */
  check(): void {
    this.#check();
  }

  hostConnected(): void {
    this.#check();
    addEventListener('focus', this.#check);
  }

  hostDisconnected(): void {
    removeEventListener('focus', this.#check);
  }
}
