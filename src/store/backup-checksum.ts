// A backup's SHA-256 checksum, so a file damaged on its way (a flipped byte, a cut) is refused
// before anything is written. It covers the canonical payload: the backup's JSON without its
// `checksum` field, as JSON.stringify writes it. Reading a file back with JSON.parse keeps its key
// order, so the canonical text of an untouched backup is exactly what was hashed when writing.

const PREFIX = 'sha256:';

export async function sha256Of(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return PREFIX + Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The backup's text with its checksum in place: `head` (format, versions) first, so a reader sees
 * what the file is at a glance, then the checksum, then the rest.
 */
export async function withChecksum(head: Record<string, unknown>, rest: Record<string, unknown>): Promise<string> {
  const headText = JSON.stringify(head).slice(0, -1);
  const restText = JSON.stringify(rest).slice(1);
  const checksum = await sha256Of(`${headText},${restText}`);
  return `${headText},${JSON.stringify({ checksum }).slice(1, -1)},${restText}`;
}

/** True when `parsed` (the file as JSON.parse read it) holds the checksum of its own payload. */
export async function checksumMatches(parsed: Record<string, unknown>): Promise<boolean> {
  const { checksum, ...payload } = parsed;
  if (typeof checksum !== 'string' || !checksum.startsWith(PREFIX)) return false;
  return (await sha256Of(JSON.stringify(payload))) === checksum;
}
