import { logLevel } from '../config';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, 'silent'>;

export type Logger = Record<Level, (message: string, fields?: Record<string, unknown>) => void>;

/**
 * JSON lines on stdout (CloudWatch and the local stack both read them). Callers pass only what is
 * safe to keep: never tokens, session keys or request bodies.
 */
export function createLogger(base: Record<string, unknown> = {}): Logger {
  const threshold = LEVELS[logLevel()] ?? LEVELS.info;
  const write =
    (level: Level) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS[level] < threshold) return;
      const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...base, ...fields });
      (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
