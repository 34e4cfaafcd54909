import { pino } from 'pino';

/**
 * The server's structured log: one JSON object per line on stdout (`level`, `time`, `msg`, and
 * `err` with its stack for failures), ready for journald, Docker or any log shipper. `LOG_LEVEL`
 * sets the threshold (default `info`; `silent` turns it off). Written synchronously: the log is
 * small, and a line must not be lost when the process exits or be interleaved with the banner.
 */
export const logger = pino({ name: 'semis', level: process.env.LOG_LEVEL ?? 'info' }, pino.destination({ dest: 1, sync: true }));
