// Why an imported file could not become a run, in words a runner can act on. The app shows the
// message as it is, so each one names the problem and says what to try instead.

export type ImportProblem =
  | 'empty'
  | 'too-big'
  | 'not-a-run-file'
  | 'damaged'
  /** A whole, checksum-correct FIT file that Stridewise's reader cannot follow: our limit, not the file's. */
  | 'unsupported'
  | 'truncated'
  | 'not-an-activity'
  | 'not-a-workout'
  | 'not-a-run'
  | 'no-samples';

export class ImportError extends Error {
  override name = 'ImportError';
  /** Which problem it was, for code that reacts differently (tests, or a hint next to the message). */
  readonly problem: ImportProblem;

  constructor(problem: ImportProblem, message: string, options?: ErrorOptions) {
    super(message, options);
    this.problem = problem;
  }
}

/** What to try, said once so every "damaged" message gives the same way forward. */
export const TRY_AGAIN_FROM_SOURCE =
  'Copy or export it again from the watch or app it came from, then import the new copy.';

/** Said whenever a file passed its checksum but could not be read, so a valid file is never blamed. */
export const STRIDEWISE_LIMIT =
  'The file itself passed its integrity check, so it is likely fine: this is a limit of Stridewise, not of your watch. ' +
  'If the app it came from can export the run as TCX, import that instead.';
