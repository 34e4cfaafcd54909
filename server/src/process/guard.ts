/**
 * Last line of defence, for `npm start` only (tests and embedders keep Node's defaults): the real
 * fix for a crash is at the decoder that threw. What is safe to survive:
 *
 * - an unhandled promise rejection: it unwound its own async chain; logged, serving goes on;
 * - an uncaught exception thrown while decoding a client's input (URIError from a malformed
 *   percent-escape, SyntaxError from bad JSON, RangeError from a truncated buffer): nothing was
 *   changed yet; logged, serving goes on;
 * - any other uncaught exception may have left shared state half-changed: logged, then the
 *   process stops gracefully (boards flushed) with exit code 1 for the supervisor to restart it.
 *   So does a burst of more than SURVIVABLE_PER_MINUTE survivable ones (a loop, not a request).
 */
export const SURVIVABLE_PER_MINUTE = 20;

export function isInputDecodingError(err: unknown): boolean {
  return err instanceof URIError || err instanceof SyntaxError || (err instanceof RangeError && /out of range|offset|buffer|index/i.test(err.message));
}

export interface GuardDeps {
  log: (msg: string) => void;
  /** Graceful stop (flush boards, close storage), then exit(1). */
  stop: (reason: string) => void;
  now?: () => number;
}

export function installProcessGuards(deps: GuardDeps): { uncaught: (err: unknown) => void; unhandled: (reason: unknown) => void } {
  const now = deps.now ?? Date.now;
  let recent: number[] = [];
  const describe = (err: unknown) => (err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err));
  const survivable = () => {
    const t = now();
    recent = recent.filter((at) => t - at < 60_000);
    recent.push(t);
    return recent.length <= SURVIVABLE_PER_MINUTE;
  };
  const uncaught = (err: unknown) => {
    if (isInputDecodingError(err) && survivable()) {
      deps.log(`ALARM uncaught input-decoding error, still serving: ${describe(err)}`);
      return;
    }
    deps.log(`ALARM uncaught exception, stopping gracefully: ${describe(err)}`);
    deps.stop('uncaughtException');
  };
  const unhandled = (reason: unknown) => {
    if (survivable()) deps.log(`ALARM unhandled promise rejection, still serving: ${describe(reason)}`);
    else {
      deps.log(`ALARM too many unhandled rejections, stopping gracefully: ${describe(reason)}`);
      deps.stop('unhandledRejection');
    }
  };
  process.on('uncaughtException', uncaught);
  process.on('unhandledRejection', unhandled);
  return { uncaught, unhandled };
}
