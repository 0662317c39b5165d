// How much room the browser gives this site, and whether it promises to keep the data. Browsers
// without the Storage API (or that refuse to answer) get "unknown", never an error: storage
// status is advice for the runner, not something the app depends on.

export interface StorageUsage {
  usedBytes: number;
  quotaBytes: number;
  /** True when the browser will not clear this site's data under storage pressure. */
  persisted: boolean;
}

/** Whether the browser promised to keep our data: asked at the first recording, not at start. */
export type Persistence = 'not-asked' | 'granted' | 'refused';

export function describePersistence(persistence: Persistence): string {
  if (persistence === 'granted') return 'Persistent storage: granted. The browser will not clear your runs to make room.';
  if (persistence === 'refused') return 'Persistent storage: not granted. The browser may clear your runs when space runs low; download a backup now and then.';
  // Not asked in this visit; an earlier visit may have asked and been refused, which the browser does not tell.
  return 'Persistent storage: not granted so far. Stridewise asks the browser when you record a run; until it agrees, download a backup now and then.';
}

/** Asks the browser to keep our data under storage pressure; true when it will. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage || typeof storage.persist !== 'function') return false;
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Null when the browser does not say. */
export async function storageUsage(): Promise<StorageUsage | null> {
  try {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage || typeof storage.estimate !== 'function') return null;
    const [estimate, persisted] = await Promise.all([
      storage.estimate(),
      typeof storage.persisted === 'function' ? storage.persisted() : Promise.resolve(false),
    ]);
    const { usage, quota } = estimate;
    if (typeof usage !== 'number' || typeof quota !== 'number') return null;
    return { usedBytes: usage, quotaBytes: quota, persisted };
  } catch {
    return null;
  }
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
