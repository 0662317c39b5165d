// How much room the browser gives this site, and whether it promises to keep the data. Browsers
// without the Storage API (or that refuse to answer) get "unknown", never an error: storage
// status is advice for the runner, not something the app depends on. The words for it are the
// Settings page's (pages/storage-words.ts), so the first load, which asks, holds none of them.

export interface StorageUsage {
  usedBytes: number;
  quotaBytes: number;
  /** True when the browser will not clear this site's data under storage pressure. */
  persisted: boolean;
}

/** Whether the browser promised to keep our data: asked at the first recording, not at start. */
export type Persistence = 'not-asked' | 'granted' | 'refused';

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
