import { ASSIGNMENT_LIMITS } from '@qcdc/core';

/**
 * The conclusions section as separate points, to start an assignment's title from one: a line per
 * point, without list markers ("-", "•", "1.", "a)"), headings ending in ":" dropped, trimmed to the
 * longest title an assignment may have.
 */
export function conclusionLines(text: string): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw
      .replace(/^\s*(?:[-–•*+]|\d{1,3}[.)]|[a-zđ][.)])\s+/iu, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!line || line.endsWith(':') || seen.has(line)) continue;
    seen.add(line);
    lines.push(line.slice(0, ASSIGNMENT_LIMITS.titleMax).trim());
  }
  return lines;
}
