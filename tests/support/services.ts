import { it } from 'vitest';

export type ServiceName = 'postgres' | 'redis' | 'chromium' | 'poppler';

const LABEL: Record<ServiceName, string> = { postgres: 'PostgreSQL', redis: 'Redis', chromium: 'Chromium', poppler: 'pdftotext (Debian poppler-utils)' };
/** A probe says whether a service is there, not how fast: launching Chromium on a loaded 2-core
 * machine took over 5 s (CI once failed four e2e files on it). */
const PROBE_TIMEOUT_MS: Record<ServiceName, number> = { postgres: 5_000, redis: 5_000, chromium: 60_000, poppler: 15_000 };

export interface ServiceOptions {
  /** Where the service was looked for, for the message (URL, path…). */
  where?: string;
  /** What gets skipped, for the message. */
  suite?: string;
  /** A probe that hangs (filtered port) counts as a failure after this long. */
  timeoutMs?: number;
}

/**
 * Decides, at collection time, whether a suite that needs an external service can run:
 *
 *   const ok = await serviceAvailable('postgres', probe, { where: url, suite: 'storage' });
 *   describe.skipIf(!ok)('…', () => { … });
 *
 * Probe succeeds → true. Probe fails → false, so the suite is skipped, and:
 * - by default, a loud console.warn says so;
 * - with SEMIS_REQUIRE_SERVICES=1 (CI), a test is registered here that fails with the
 *   probe's own error. We register it rather than returning true so the failure names the
 *   missing service and its cause instead of a cascade of unrelated-looking test errors.
 * Call it from the top level of a test file (top-level await), before `describe`.
 */
export async function serviceAvailable(
  name: ServiceName,
  probe: () => Promise<void>,
  options: ServiceOptions = {},
): Promise<boolean> {
  const label = LABEL[name];
  const where = options.where ? ` at ${options.where}` : '';
  try {
    await withTimeout(probe(), options.timeoutMs ?? PROBE_TIMEOUT_MS[name], `${label} probe timed out`);
    return true;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (process.env.SEMIS_REQUIRE_SERVICES === '1') {
      it(`${label} is reachable${where} (required by SEMIS_REQUIRE_SERVICES=1)`, () => {
        throw new Error(`${label} unreachable${where}: ${reason}`, { cause: err });
      });
    } else {
      console.warn(
        `⚠️  ${label} unreachable${where}: ${options.suite ?? name} suite SKIPPED (${reason}). ` +
          'Set SEMIS_REQUIRE_SERVICES=1 to make this a failure.',
      );
    }
    return false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
