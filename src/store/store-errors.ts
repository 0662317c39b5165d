// Storage failures reach the runner as sentences. A StoreError already is one (written where the
// problem is known, store-error.ts); anything the browser throws is translated here, once, for every caller.

import { StoreError } from './store-error.js';

export { StoreError };

const nameOf = (error: unknown): string =>
  error instanceof DOMException || error instanceof Error ? error.name : '';

/**
 * True when the browser refused a write for lack of space: Chromium and Safari name it
 * QuotaExceededError (legacy code 22), Firefox NS_ERROR_DOM_QUOTA_REACHED. A StoreError wrapping
 * one counts too, so callers can test whatever reached them.
 */
export function isQuotaExceeded(error: unknown): boolean {
  const name = nameOf(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (error instanceof DOMException && error.code === 22) return true;
  return error instanceof StoreError && error.cause !== undefined && isQuotaExceeded(error.cause);
}

/** A sentence for the runner, with a way forward where there is one. */
export function describeStoreError(error: unknown): string {
  if (error instanceof StoreError) return error.message;
  if (isQuotaExceeded(error)) {
    return 'The disk is full, so nothing more can be saved. Export or delete old sessions, or free some space on this device.';
  }
  switch (nameOf(error)) {
    case 'SecurityError':
    case 'InvalidAccessError':
      return 'This browser does not let Stridewise store data here (private window, or site data blocked). Sessions cannot be kept.';
    case 'VersionError':
      return 'The stored data was opened by a newer Stridewise in another tab. Reload this page.';
    case 'DataCloneError':
      return 'Something could not be saved because the browser cannot store it. This is a bug in Stridewise; please report it.';
    case 'InvalidStateError':
    case 'TransactionInactiveError':
    case 'AbortError':
    case 'UnknownError':
      return `The browser's storage failed (${detailOf(error)}). Reloading the page usually helps.`;
  }
  return `Saving or reading stored data failed (${detailOf(error)}).`;
}

function detailOf(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return error.message || error.name;
  return String(error);
}
