/**
 * At most one edit per shared card per `intervalMs`. Every edit of a shared card makes each client
 * in its refresh list ask the bot again and counts toward the conversation's rate limit, so edits
 * asked for in a burst (a wave of ballots) are coalesced: the first goes at once, the rest become
 * one trailing edit that renders whatever is current when it runs. A `final` edit (the result at
 * the close) goes at once and absorbs a trailing one. Edits of one card never overlap.
 *
 * Per process: a trailing edit lost with its instance only delays a turnout figure until the next
 * edit (the close is never trailing).
 */
export interface ThrottleClock {
  now(): number;
  setTimer(run: () => void, ms: number): { cancel(): void };
}

export const realThrottleClock: ThrottleClock = {
  now: () => Date.now(),
  setTimer(run, ms) {
    const timer = setTimeout(run, ms);
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  },
};

interface CardState {
  lastAt: number;
  /** The edit in flight (edits of one card run one after the other). */
  chain: Promise<void>;
  trailing?:
    | {
        run: () => Promise<void>;
        timer: { cancel(): void };
        done: Promise<void>;
        resolve: () => void;
      }
    | undefined;
}

export class SharedCardThrottle {
  private readonly cards = new Map<string, CardState>();

  constructor(
    readonly intervalMs: number,
    private readonly clock: ThrottleClock = realThrottleClock,
  ) {}

  /** The card was just posted: that counts as an edit. */
  touched(key: string): void {
    this.state(key).lastAt = this.clock.now();
  }

  /** Asks for an edit; resolves once an edit that started after this call has finished. */
  request(key: string, run: () => Promise<void>, options: { final?: boolean } = {}): Promise<void> {
    const state = this.state(key);
    const { trailing } = state;
    if (options.final) {
      if (trailing) {
        trailing.timer.cancel();
        state.trailing = undefined;
      }
      const done = this.start(key, run);
      // The final edit covers whoever waited for the trailing one; then the card is forgotten.
      const settle = () => {
        trailing?.resolve();
        if (!this.cards.get(key)?.trailing) this.cards.delete(key);
      };
      void done.then(settle, settle);
      return done;
    }
    if (trailing) {
      trailing.run = run; // coalesced: the trailing edit renders the latest state anyway
      return trailing.done;
    }
    const wait = state.lastAt + this.intervalMs - this.clock.now();
    if (wait <= 0) return this.start(key, run);
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const timer = this.clock.setTimer(() => {
      const pending = state.trailing;
      if (!pending) return;
      state.trailing = undefined;
      void this.start(key, pending.run).then(pending.resolve, pending.resolve);
    }, wait);
    state.trailing = { run, timer, done, resolve };
    return done;
  }

  private start(key: string, run: () => Promise<void>): Promise<void> {
    const state = this.state(key);
    const next = state.chain.then(async () => {
      state.lastAt = this.clock.now();
      await run();
    });
    state.chain = next.catch(() => undefined);
    return next;
  }

  private state(key: string): CardState {
    let state = this.cards.get(key);
    if (!state) {
      state = { lastAt: Number.NEGATIVE_INFINITY, chain: Promise.resolve() };
      this.cards.set(key, state);
    }
    return state;
  }
}
