// The 'characteristicvaluechanged' listeners a source holds on one connection's characteristics.
// Chrome hands out new characteristic objects after a reconnect, so a source clears them all
// whenever the link goes and listens again on the new ones.

import { copyOf } from './web-bluetooth-gatt.js';
import type { BluetoothRemoteGATTCharacteristic } from './web-bluetooth-types.js';

export class CharacteristicListeners {
  #removers: (() => void)[] = [];

  /** Calls `onValue` with a copy of every value (notification or read answer) the characteristic gets. */
  listen(characteristic: BluetoothRemoteGATTCharacteristic, onValue: (value: DataView) => void): void {
    const listener = (): void => {
      const value = characteristic.value;
      if (value) onValue(copyOf(value));
    };
    characteristic.addEventListener('characteristicvaluechanged', listener);
    this.#removers.push(() => characteristic.removeEventListener('characteristicvaluechanged', listener));
  }

  clear(): void {
    for (const remove of this.#removers.splice(0)) remove();
  }
}
