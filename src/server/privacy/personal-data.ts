import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

type Row = Record<string, unknown>;

export async function rowsOf<T = Row>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

interface ForeignKey {
  table: string;
  column: string;
  refTable: string;
  refColumn: string;
  /** pg_constraint.confdeltype: 'c' cascade, 'n' set null, 'a'/'r' no action/restrict. */
  onDelete: string;
}

/** The single-column foreign keys of the public schema, read from the catalogue. */
export async function foreignKeys(db: DbOrTx): Promise<ForeignKey[]> {
  return rowsOf<ForeignKey>(
    db,
    sql`select c.conrelid::regclass::text as "table", a.attname as "column", c.confrelid::regclass::text as "refTable",
               ra.attname as "refColumn", c.confdeltype as "onDelete"
          from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
          join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = c.confkey[1]
         where c.contype = 'f' and array_length(c.conkey, 1) = 1 and c.connamespace = 'public'::regnamespace
         order by 1, 2`,
  );
}

/** Text columns of every table in the public schema (for the scrub after an erasure, and its test). */
export async function textColumns(db: DbOrTx): Promise<{ table: string; column: string; type: string }[]> {
  return rowsOf(
    db,
    sql`select table_name as "table", column_name as "column", data_type as "type"
          from information_schema.columns
         where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')
         order by 1, 2`,
  );
}

/** Columns never put in an export: credentials, even hashed. */
// (`code_verifier`, `state_hash`: a single sign-on link under way, oidc_logins.link_user_id.)
const SECRET_COLUMN = /(password|token|secret|cipher|code_hash|code_verifier|state_hash)/;
/** Columns that name a file in the storage, and what such a key looks like. */
const FILE_COLUMN = /(^|_)key$/;
const STORAGE_KEY = /^[a-z][a-z0-9-]{0,30}\/[0-9a-f-]{36}$/;

export interface PersonalData {
  /** Rows per table: the account, everything that belongs to it, and the audit entries of its actions. */
  tables: Record<string, Row[]>;
  /** Storage keys of the person's files (resumes, recordings, avatar), without earlier exports. */
  fileKeys: string[];
  /** Storage keys of earlier export ZIPs. */
  exportKeys: string[];
}

/**
 * Everything the database holds that belongs to one person, found from the catalogue: the users
 * row, then every row whose owning foreign key (ON DELETE CASCADE) points at a row already found,
 * until nothing new turns up. A table added later with such a key is included with no change
 * here; privacy.routes.test.ts checks that every table referencing users is either owned or
 * deliberately a reference from someone else's row (SET NULL).
 */
export async function collectPersonalData(db: DbOrTx, userId: string): Promise<PersonalData> {
  const keys = await foreignKeys(db);
  const found = new Map<string, Map<string, Row>>();
  const idsOf = (table: string) =>
    [...(found.get(table)?.values() ?? [])].map((r) => r.id ?? r.user_id).filter((v): v is string => typeof v === 'string');
  const add = (table: string, rows: Row[]): number => {
    const byKey = found.get(table) ?? new Map<string, Row>();
    found.set(table, byKey);
    let added = 0;
    for (const row of rows) {
      const key = typeof row.id === 'string' ? row.id : JSON.stringify(row);
      if (!byKey.has(key)) {
        byKey.set(key, row);
        added += 1;
      }
    }
    return added;
  };
  add('users', await rowsOf(db, sql`select * from users where id = ${userId}`));
  for (let changed = true; changed;) {
    changed = false;
    for (const fk of keys) {
      if (fk.onDelete !== 'c' || (fk.refColumn !== 'id' && fk.refColumn !== 'user_id')) continue;
      const parentIds = fk.refTable === 'users' ? [userId] : idsOf(fk.refTable);
      if (parentIds.length === 0) continue;
      for (let i = 0; i < parentIds.length; i += 500) {
        const chunk = parentIds.slice(i, i + 500);
        const rows = await rowsOf(
          db,
          sql`select * from ${sql.identifier(fk.table)} where ${sql.identifier(fk.column)} in (${sql.join(
            chunk.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        );
        if (add(fk.table, rows) > 0) changed = true;
      }
    }
  }
  add('audit_log', await rowsOf(db, sql`select * from audit_log where actor_id = ${userId} order by created_at`));

  const tables: Record<string, Row[]> = {};
  const fileKeys = new Set<string>();
  const exportKeys = new Set<string>();
  for (const [table, rows] of [...found.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    tables[table] = [...rows.values()].map((row) => {
      const shown: Row = {};
      for (const [column, value] of Object.entries(row)) {
        if (FILE_COLUMN.test(column) && typeof value === 'string' && STORAGE_KEY.test(value))
          (table === 'data_exports' ? exportKeys : fileKeys).add(value);
        if (!SECRET_COLUMN.test(column)) shown[column] = value;
      }
      return shown;
    });
  }
  return { tables, fileKeys: [...fileKeys], exportKeys: [...exportKeys] };
}
