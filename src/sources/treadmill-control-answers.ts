// Which write a control point answer belongs to. An answer (0x80, op code, result) names only the
// op code it answers, so the answer to a command that ended without it (timed out, or given up for
// the runner's Stop) would otherwise be taken for the next command with the same op code: "the
// belt speed is set to 8.0 km/h" from the late yes to 16 km/h, while the answer to 8 km/h, a
// refusal, is dropped as a stray.
//
// The rule: a treadmill answers the writes it took in the order it took them. So each written
// command that ended unanswered is owed an answer, oldest first. An answer whose op code is owed
// pays off the oldest such debt (and any older one of another op code: the treadmill answered past
// it, so it will not come) and confirms nothing; only an answer nothing is owed for can be the
// waiting command's, and once it came every older debt is void (the treadmill answered past them).
// A debt is forgotten `keepMs` after its command ended, counted from when its write settled if that
// came later (a treadmill answers only once it took the write): a treadmill that has not answered
// by then never will, and remembering it longer would make the next command of that
// op code time out although the treadmill answered it. Erring this way says "did not answer" for
// a command that worked, never "done" for one that was refused.

import type { ControlTimers } from './treadmill-control-types.js';

interface Debt {
  opCode: number;
  /** The command it was written for: a write that fails later owes nothing. */
  owner: object;
  /** The forgetting's timer; null while the write has not settled (the treadmill may not have it yet). */
  expiry: unknown;
}

export class OwedAnswers {
  readonly #timers: ControlTimers;
  readonly #keepMs: number;
  #debts: Debt[] = [];

  constructor(timers: ControlTimers, keepMs: number) {
    this.#timers = timers;
    this.#keepMs = keepMs;
  }

  /** A written command ended before its answer came: that answer may still arrive. `taken`: its write has settled. */
  owe(owner: object, opCode: number, taken: boolean): void {
    const debt: Debt = { opCode, owner, expiry: null };
    this.#debts.push(debt);
    if (taken) this.#expire(debt);
  }

  /** The write of `owner` settled: from now on the treadmill could answer it, so its debt starts to run out. */
  taken(owner: object): void {
    for (const debt of this.#debts) if (debt.owner === owner && debt.expiry === null) this.#expire(debt);
  }

  /** Whether any ended command still waits for an answer with this op code. */
  owes(opCode: number): boolean {
    return this.#debts.some((d) => d.opCode === opCode);
  }

  /** The write never reached the treadmill after all: nothing will answer it. */
  cancel(owner: object): void {
    this.#drop((d) => d.owner === owner);
  }

  /** True when this answer pays an ended command's debt, so it must not be read as the waiting command's. */
  isLate(opCode: number): boolean {
    const index = this.#debts.findIndex((d) => d.opCode === opCode);
    if (index < 0) return false;
    const paid = this.#debts.slice(0, index + 1);
    this.#drop((d) => paid.includes(d));
    return true;
  }

  /** A new connection or a lost link: answers do not cross connections; or the waiting command got its own answer: older ones will not come. */
  clear(): void {
    this.#drop(() => true);
  }

  #expire(debt: Debt): void {
    debt.expiry = this.#timers.set(() => this.#drop((d) => d === debt), this.#keepMs);
  }

  #drop(which: (debt: Debt) => boolean): void {
    for (const debt of this.#debts.filter(which)) this.#timers.clear(debt.expiry);
    this.#debts = this.#debts.filter((d) => !which(d));
  }
}
