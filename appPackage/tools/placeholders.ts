/**
 * `${{NAME}}` placeholders, the Teams/Agents Toolkit syntax used in manifest.json and the Entra
 * manifest. Filling never guesses: a name without a (non-empty) value is reported, not blanked.
 */

export type Variables = Readonly<Record<string, string | undefined>>;

export interface FillResult {
  /** The text with every known placeholder replaced; unknown ones are left as they were. */
  readonly text: string;
  /** Names that had no value, sorted and without duplicates. */
  readonly missing: readonly string[];
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Every placeholder name in `text`, in order of first appearance. */
export function findPlaceholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1]!))];
}

/**
 * Replaces `${{NAME}}` with `vars[NAME]`. With `json: true` the value is escaped for use inside a
 * JSON string literal (placeholders only ever appear inside strings in our JSON files).
 */
export function fillPlaceholders(
  text: string,
  vars: Variables,
  options: { readonly json?: boolean } = {},
): FillResult {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined || value.trim() === '') {
      missing.add(name);
      return whole;
    }
    return options.json ? JSON.stringify(value).slice(1, -1) : value;
  });
  return { text: filled, missing: [...missing].sort() };
}

/** Values from `layers`, later layers winning, ignoring undefined and blank values. */
export function mergeVariables(...layers: readonly Variables[]): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer)) {
      if (value !== undefined && value.trim() !== '') merged[name] = value;
    }
  }
  return merged;
}

/** One line naming every missing variable, e.g. for an error message before `exit 1`. */
export function describeMissing(file: string, missing: readonly string[]): string {
  return `${file}: missing environment variable${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`;
}
