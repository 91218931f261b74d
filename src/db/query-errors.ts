/**
 * A failed statement's error (drizzle's DrizzleQueryError) carries the SQL and its parameters:
 * password hashes, emails, answers. Logs keep only what an operator needs to find the fault: the
 * SQLSTATE code, the constraint, and the statement's name ("insert into users").
 */
interface QueryError extends Error {
  query: string;
  params: unknown[];
}

export function isQueryError(err: unknown): err is QueryError {
  return (
    err instanceof Error && typeof (err as Partial<QueryError>).query === 'string' && Array.isArray((err as Partial<QueryError>).params)
  );
}

/** "insert into users", "update sessions", "select from answers", "delete from jobs"; or the verb alone. */
export function statementName(query: string): string {
  const text = query.replace(/\s+/g, ' ').trim().toLowerCase();
  const verb = /^(with|select|insert|update|delete|create|alter|drop|lock|notify|begin|commit|rollback)\b/.exec(text)?.[1] ?? 'statement';
  const table =
    /^insert into "?([\w.]+)"?/.exec(text)?.[1] ??
    /^update "?([\w.]+)"?/.exec(text)?.[1] ??
    /^delete from "?([\w.]+)"?/.exec(text)?.[1] ??
    /\bfrom "?([\w.]+)"?/.exec(text)?.[1];
  if (!table) return verb;
  return verb === 'insert'
    ? `insert into ${table}`
    : verb === 'delete' || verb === 'select' || verb === 'with'
      ? `${verb} from ${table}`
      : `${verb} ${table}`;
}

/** SQLSTATE and constraint of the driver's error under a failed statement; never its detail, which quotes values. */
function causeFacts(err: QueryError): { code?: string; constraint?: string } {
  const cause = err.cause as { code?: unknown; constraint?: unknown } | undefined;
  return {
    ...(typeof cause?.code === 'string' ? { code: cause.code } : {}),
    ...(typeof cause?.constraint === 'string' ? { constraint: cause.constraint } : {}),
  };
}

/** A message safe for logs and job records: for a failed statement, its name and code only. */
export function safeErrorMessage(err: unknown): string {
  if (isQueryError(err)) {
    const { code, constraint } = causeFacts(err);
    return `Failed statement: ${statementName(err.query)}${code ? ` (SQLSTATE ${code})` : ''}${constraint ? ` on ${constraint}` : ''}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

/**
 * Pino `err` serializer: a failed statement without its SQL text and parameters (also when it
 * is the cause of another error); other errors as pino shows them (type, message, stack, fields).
 */
export function serializeErrorForLog(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: String(err), stack: '' };
  if (isQueryError(err)) {
    // The stack's first line repeats the message, which holds the parameters: keep only frames.
    const frames = (err.stack ?? '')
      .split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .join('\n');
    const message = safeErrorMessage(err);
    return {
      type: 'QueryError',
      message,
      statement: statementName(err.query),
      ...causeFacts(err),
      stack: `QueryError: ${message}\n${frames}`,
    };
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(err)) if (key !== 'cause') fields[key] = value;
  return {
    ...fields,
    type: err.constructor?.name ?? err.name,
    message: err.message,
    stack: err.stack ?? '',
    ...(err.cause !== undefined && depth < 5 ? { cause: serializeErrorForLog(err.cause, depth + 1) } : {}),
  };
}
