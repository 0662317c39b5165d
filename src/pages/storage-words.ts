// Storage status in words, for the Settings page: what the browser keeps and whether it promised
// to. Apart from store/storage-status.ts, which every start uses, so these sentences load with
// the page that shows them rather than with the first load.

import type { Persistence, StorageUsage } from '../store/storage-status.js';

export function describePersistence(persistence: Persistence): string {
  if (persistence === 'granted') return 'Persistent storage: granted. The browser will not clear your runs to make room.';
  if (persistence === 'refused') return 'Persistent storage: not granted. The browser may clear your runs when space runs low; download a backup now and then.';
  // Not asked in this visit; an earlier visit may have asked and been refused, which the browser does not tell.
  return 'Persistent storage: not granted so far. Stridewise asks the browser when you record a run; until it agrees, download a backup now and then.';
}

/** "12.3 MB of 2.1 GB used · kept by the browser". */
export function describeUsage(usage: StorageUsage | null): string {
  if (usage === null) return 'This browser does not say how much storage is used.';
  const keeping = usage.persisted ? 'kept by the browser' : 'may be cleared by the browser when space runs low';
  return `${formatBytes(usage.usedBytes)} of ${formatBytes(usage.quotaBytes)} used · ${keeping}`;
}

const units = ['bytes', 'kB', 'MB', 'GB', 'TB'] as const;

/** Decimal units: 1 MB = 1,000,000 bytes. */
export function formatBytes(bytes: number): string {
  if (!(bytes >= 1000)) return `${Math.max(0, Math.round(bytes || 0))} bytes`;
  let value = bytes;
  let unit = 0;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 99.95 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
