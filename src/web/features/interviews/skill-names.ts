import taxonomyNames from 'virtual:skill-names';

/**
 * Readable names for skill ids ("postgresql" → "PostgreSQL"). The server names skills only in
 * reports (skillCoverage); elsewhere the web app has just the id, so it looks the name up in the
 * skills taxonomy (content/skills/skills.json, reduced to id → name at build time by a Vite
 * plugin), and title-cases an id the taxonomy does not know.
 */
export function skillName(id: string): string {
  return (
    taxonomyNames[id] ??
    id
      .split(/[-_\s]+/)
      .filter(Boolean)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(' ')
  );
}

/** Names for ids, preferring the server's (from a report's skillCoverage) over the taxonomy's. */
export function skillNames(ids: readonly string[], known?: ReadonlyMap<string, string>): string[] {
  return [...new Set(ids)].map((id) => known?.get(id) ?? skillName(id));
}
