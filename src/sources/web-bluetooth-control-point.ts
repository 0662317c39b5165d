// The Web Bluetooth side of the SC Control Point: finds 0x2A55 on the connected pod, enables
// its indications before the first request of each connection, writes requests and hands every
// indication to the FootpodControlPoint. Chrome hands out new characteristic objects after a
// reconnect, so the source calls forget() whenever the link goes.

import { RSC_SERVICE, SC_CONTROL_POINT } from '../ble/gatt-uuids.js';
import type { ControlPointRequest, ControlPointResponse } from '../ble/rsc-control-point.js';
import { FootpodControlPoint, type FootpodControlPointOptions } from './footpod-control-point.js';
import { copyOf } from './web-bluetooth-gatt.js';
import type { BluetoothRemoteGATTCharacteristic, BluetoothRemoteGATTServer } from './web-bluetooth-types.js';

export interface GattControlPointPod {
  /** The GATT server while the source counts as connected; null otherwise. */
  server(): BluetoothRemoteGATTServer | null;
  feature(): DataView | null;
  succeeded(request: ControlPointRequest, response: ControlPointResponse): void;
}

export class GattControlPoint {
  readonly controlPoint: FootpodControlPoint;
  readonly #pod: GattControlPointPod;
  #characteristic: BluetoothRemoteGATTCharacteristic | null = null;
  // Bumped by forget(), so a lookup that finishes after the link went is not kept.
  #generation = 0;

  constructor(pod: GattControlPointPod, options: FootpodControlPointOptions = {}) {
    this.#pod = pod;
    this.controlPoint = new FootpodControlPoint(
      {
        connected: () => this.#pod.server()?.connected === true,
        feature: () => this.#pod.feature(),
        send: (bytes) => this.#send(bytes),
        succeeded: (request, response) => this.#pod.succeeded(request, response),
      },
      options,
    );
  }

  /** The link went (or a new one starts): drop the characteristic and end a request still waiting. */
  forget(): void {
    this.#generation++;
    this.#characteristic?.removeEventListener('characteristicvaluechanged', this.#onIndication);
    this.#characteristic = null;
    this.controlPoint.linkLost();
  }

  async #send(bytes: Uint8Array): Promise<void> {
    const characteristic = this.#characteristic ?? (await this.#subscribe());
    // A copy on a plain ArrayBuffer, as writeValue wants (never a shared one).
    await characteristic.writeValueWithResponse(new Uint8Array(bytes));
  }

  async #subscribe(): Promise<BluetoothRemoteGATTCharacteristic> {
    const server = this.#pod.server();
    if (!server?.connected) throw new DOMException('The footpod is not connected.', 'NetworkError');
    const generation = this.#generation;
    const characteristic = await (await server.getPrimaryService(RSC_SERVICE)).getCharacteristic(SC_CONTROL_POINT);
    if (generation !== this.#generation) throw new DOMException('The footpod disconnected.', 'NetworkError');
    // Listening before indications are on: a pod may answer the moment the write lands.
    characteristic.addEventListener('characteristicvaluechanged', this.#onIndication);
    try {
      await characteristic.startNotifications();
    } catch (error) {
      characteristic.removeEventListener('characteristicvaluechanged', this.#onIndication);
      throw error;
    }
    if (generation !== this.#generation) {
      characteristic.removeEventListener('characteristicvaluechanged', this.#onIndication);
      throw new DOMException('The footpod disconnected.', 'NetworkError');
    }
    this.#characteristic = characteristic;
    return characteristic;
  }

  #onIndication = (event: Event): void => {
    const value = (event.target as BluetoothRemoteGATTCharacteristic | null)?.value;
    if (value) this.controlPoint.indication(copyOf(value));
  };
}
