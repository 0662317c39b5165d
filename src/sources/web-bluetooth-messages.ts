// What the runner reads when Web Bluetooth cannot do what they asked, and how a browser error is
// sorted into one of those sentences. Every message says what to do next, and names the sensor
// (footpod, treadmill, heart-rate strap) with the button that pairs it.

/** How the messages name one kind of sensor. */
export interface SensorWording {
  /** 'footpod': follows 'a', 'the' and 'Your'. */
  noun: string;
  /** The button the app shows to pair this kind of sensor. */
  pairButton: string;
  /** How to make an idle sensor answer, as an imperative on 'it': 'Wake it (walk a few steps)'. */
  wakeIt: string;
  /** The same, on the sensor by its noun: 'Wake the footpod'. */
  wakeThe: string;
  /** Why a device chosen in the chooser turned out not to be one: 'a running footpod (it has no …)'. */
  notOne: string;
}

// The footpod's wording is in the first load with the footpod; the treadmill's and the strap's are
// in their sources' files (web-bluetooth-treadmill.ts, web-bluetooth-heart-rate.ts), which load when one is paired.
export const footpodWording: SensorWording = {
  noun: 'footpod',
  pairButton: 'Pair footpod',
  wakeIt: 'Wake it (walk a few steps)',
  wakeThe: 'Wake the footpod',
  notOne: 'a running footpod (it has no Running Speed and Cadence service)',
};

/** Every sentence a Web Bluetooth source shows, worded for one kind of sensor. */
export interface SensorMessages {
  noWebBluetooth: string;
  adapterUnavailable: string;
  notInRange(name: string | null): string;
  noRemembered: string;
  gaveUp(name: string | null): string;
  connectFailed(error: unknown, name: string | null): string;
}

export function sensorMessages(w: SensorWording): SensorMessages {
  const adapterUnavailable =
    'Bluetooth is off or missing on this computer. Turn Bluetooth on (or plug in a Bluetooth ' +
    `adapter), then press ${w.pairButton}.`;
  const notInRange = (name: string | null): string =>
    `${name ?? `Your ${w.noun}`} did not answer. ${w.wakeIt}, keep it near the ` +
    `computer, and try again, or press ${w.pairButton} to choose it again.`;
  return {
    noWebBluetooth:
      `This browser has no Web Bluetooth, so it cannot talk to a ${w.noun}. Use Chrome or Edge on a ` +
      'computer or on Android (not Firefox, Safari or any browser on iPhone/iPad). On Linux, open ' +
      'chrome://flags/#enable-experimental-web-platform-features, enable it and restart Chrome (or ' +
      'start Chrome with --enable-experimental-web-platform-features). The page must be opened over ' +
      'https or from localhost.',
    adapterUnavailable,
    notInRange,
    noRemembered: `No ${w.noun} was paired in this browser yet. Press ${w.pairButton} to choose one.`,
    gaveUp: (name) =>
      `Lost the connection to ${name ?? `the ${w.noun}`} and could not get it back. ${w.wakeThe}, ` +
      `keep it near the computer, and press ${w.pairButton}.`,
    connectFailed(error, name) {
      const message = error instanceof Error ? error.message : String(error);
      const kind = error instanceof DOMException ? error.name : '';
      if (isAdapterMissing(error)) return adapterUnavailable;
      if (kind === 'NotFoundError' && /service/i.test(message)) {
        return `${name ?? 'That device'} is not ${w.notOne}. Press ${w.pairButton} and choose your ${w.noun}.`;
      }
      if (kind === 'NetworkError') return notInRange(name);
      if (kind === 'SecurityError') {
        return (
          'Chrome did not allow Bluetooth here. Open the app over https or from localhost, and ' +
          `start pairing with the ${w.pairButton} button.`
        );
      }
      return `Could not connect to ${name ?? `the ${w.noun}`} (${message}). Press ${w.pairButton} to try again.`;
    },
  };
}

// The footpod's sentences under the names the app has always imported.
const footpod = sensorMessages(footpodWording);
export const noWebBluetoothMessage = footpod.noWebBluetooth;
export const adapterUnavailableMessage = footpod.adapterUnavailable;
export const notInRangeMessage = footpod.notInRange;
export const noRememberedMessage = footpod.noRemembered;
export const gaveUpMessage = footpod.gaveUp;
/** A sentence for a failed pairing or connection; `name` is the pod's, when known. */
export const connectFailedMessage = footpod.connectFailed;

/** Chrome's chooser was closed without a choice: not a failure, just nothing to do. */
export function isChooserCancelled(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotFoundError' && /cancel/i.test(error.message);
}

/** A connection attempt that failed because the device could not be reached (asleep, out of range). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NetworkError';
}

/** requestDevice's answer when the computer has no adapter (or Chrome cannot use it). */
export function isAdapterMissing(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotFoundError' && /adapter/i.test(error.message);
}
