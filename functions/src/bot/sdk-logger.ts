import type { AppOptions, IPlugin } from '@microsoft/teams.apps';
import type { Logger } from '../logger';

/** The SDK's logger interface, as its App options name it (it lives in a package we do not depend on). */
export type SdkLogger = NonNullable<AppOptions<IPlugin>['logger']>;
type LogLevel = Parameters<SdkLogger['log']>[0];

/**
 * The Teams SDK's logger interface over ours, so SDK messages land in the same structured log (and
 * nothing goes to the console). Debug and trace are dropped: they log whole activities.
 */
export function sdkLogger(log: Logger, name = 'teams-sdk'): SdkLogger {
  const text = (parts: unknown[]) =>
    parts
      .map((part) =>
        part instanceof Error
          ? (part.stack ?? part.message)
          : typeof part === 'string'
            ? part
            : safeJson(part),
      )
      .join(' ');
  const logger: SdkLogger = {
    loggerOptions: { level: 'info' },
    debug: () => {},
    trace: () => {},
    info: (...parts: unknown[]) => log.info(text(parts), { source: name }),
    warn: (...parts: unknown[]) => log.warn(text(parts), { source: name }),
    error: (...parts: unknown[]) => log.error(text(parts), { source: name }),
    log: (level: LogLevel, ...parts: unknown[]) => {
      if (level === 'error') logger.error(...parts);
      else if (level === 'warn') logger.warn(...parts);
      else if (level === 'info') logger.info(...parts);
    },
    child: (child: string) => sdkLogger(log, `${name}/${child}`),
  };
  return logger;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
