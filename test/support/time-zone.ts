// Runs date code under another time zone in this test page (test/support/timezone-plugin.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

/** Moves this page into `timezoneId` (IANA), or back to the machine's zone with null. */
export async function setTimeZone(timezoneId: string | null): Promise<void> {
  await executeServerCommand('set-timezone', { timezoneId });
}
