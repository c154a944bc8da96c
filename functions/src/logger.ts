/** Minimal structured logger port; the Functions host and the local host each supply one. */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export function consoleLogger(quiet = false): Logger {
  const write = (level: string, message: string, data?: Record<string, unknown>) => {
    if (quiet && level === 'info') return;
    process.stderr.write(
      `${JSON.stringify({ level, message, ...data, at: new Date().toISOString() })}\n`,
    );
  };
  return {
    info: (message, data) => write('info', message, data),
    warn: (message, data) => write('warn', message, data),
    error: (message, data) => write('error', message, data),
  };
}
