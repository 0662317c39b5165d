// What the workout runner knows of the program's tests, kept apart from program-belt.ts (which
// drives the runner) so the runner need not import the module that imports it.

/** The id of the one-step workout a program test runs its belt speed with. */
export const PROGRAM_TEST_WORKOUT = 'program-test';
/** A workout refused while a program test is armed or going on: the belt is the test's. */
export const PROGRAM_TEST_ON = 'A program test is on: finish or leave it first.';
