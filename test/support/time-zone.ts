// Runs date code under another time zone in this test page (test/support/timezone-plugin.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

/** Moves this page into `timezoneId` (IANA), or back to the machine's zone with null. */
export async function setTimeZone(timezoneId: string | null): Promise<void> {
  await executeServerCommand('set-timezone', { timezoneId });
}

/** Makes `locale` (BCP 47, "en-GB") this page's default for Intl formatters made from now on, or the machine's again with null. */
export async function setLocale(locale: string | null): Promise<void> {
  await executeServerCommand('set-locale', { locale });
}
