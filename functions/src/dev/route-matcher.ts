/** Matches a path against Functions route templates like `bodies/{bodyId}/meetings`. */
export function matchRoute(template: string, path: string): Record<string, string> | null {
  const templateParts = template.split('/').filter(Boolean);
  const pathParts = path.split('/').filter(Boolean);
  if (templateParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of templateParts.entries()) {
    const actual = pathParts[index]!;
    const name = /^\{(\w+)\??\}$/.exec(part)?.[1];
    if (name) {
      try {
        params[name] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part.toLowerCase() !== actual.toLowerCase()) {
      return null;
    }
  }
  return params;
}
