// What the runner reads when Web Bluetooth cannot do what they asked, and how a browser error is
// sorted into one of those sentences. Every message says what to do next.

export const noWebBluetoothMessage =
  'This browser has no Web Bluetooth, so it cannot talk to a footpod. Use Chrome or Edge on a ' +
  'computer or on Android (not Firefox, Safari or any browser on iPhone/iPad). On Linux, open ' +
  'chrome://flags/#enable-experimental-web-platform-features, enable it and restart Chrome (or ' +
  'start Chrome with --enable-experimental-web-platform-features). The page must be opened over ' +
  'https or from localhost.';

export const adapterUnavailableMessage =
  'Bluetooth is off or missing on this computer. Turn Bluetooth on (or plug in a Bluetooth ' +
  'adapter), then press Pair footpod.';

export const notInRangeMessage = (name: string | null): string =>
  `${name ?? 'Your footpod'} did not answer. Wake it (walk a few steps), keep it near the ` +
  'computer, and try again, or press Pair footpod to choose it again.';

export const noRememberedMessage = 'No footpod was paired in this browser yet. Press Pair footpod to choose one.';

export const gaveUpMessage = (name: string | null): string =>
  `Lost the connection to ${name ?? 'the footpod'} and could not get it back. Wake the footpod, ` +
  'keep it near the computer, and press Pair footpod.';

/** Chrome's chooser was closed without a choice: not a failure, just nothing to do. */
export function isChooserCancelled(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotFoundError' && /cancel/i.test(error.message);
}

/** A connection attempt that failed because the pod could not be reached (asleep, out of range). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NetworkError';
}

/** requestDevice's answer when the computer has no adapter (or Chrome cannot use it). */
export function isAdapterMissing(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotFoundError' && /adapter/i.test(error.message);
}

/** A sentence for a failed pairing or connection; `name` is the pod's, when known. */
export function connectFailedMessage(error: unknown, name: string | null): string {
  const message = error instanceof Error ? error.message : String(error);
  const kind = error instanceof DOMException ? error.name : '';
  if (isAdapterMissing(error)) return adapterUnavailableMessage;
  if (kind === 'NotFoundError' && /service/i.test(message)) {
    return (
      `${name ?? 'That device'} is not a running footpod (it has no Running Speed and Cadence ` +
      'service). Press Pair footpod and choose your footpod.'
    );
  }
  if (kind === 'NetworkError') return notInRangeMessage(name);
  if (kind === 'SecurityError') {
    return (
      'Chrome did not allow Bluetooth here. Open the app over https or from localhost, and ' +
      'start pairing with the Pair footpod button.'
    );
  }
  return `Could not connect to ${name ?? 'the footpod'} (${message}). Press Pair footpod to try again.`;
}
