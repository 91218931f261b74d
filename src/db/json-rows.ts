import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * Rows of `table` that came back inside one statement as JSON (`json_agg(t)` in a subquery),
 * turned into the same objects a drizzle select gives: property names instead of column
 * names, timestamps as Dates. One statement instead of one per table is what lets a read
 * cost a single round trip. JSON columns arrive already parsed and are kept as they are.
 */
export function rowsFromJson<T extends Table>(table: T, value: unknown): T['$inferSelect'][] {
  if (!Array.isArray(value)) return [];
  const columns = Object.entries(getTableColumns(table));
  return value.map((raw: Record<string, unknown>) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const v = raw[column.name];
      row[key] = v === null || v === undefined ? null : column.dataType === 'json' ? v : column.mapFromDriverValue(v);
    }
    return row as T['$inferSelect'];
  });
}
