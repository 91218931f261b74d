/**
 * The one error type of the domain. Services throw it; the error plugin turns it into an
 * RFC 9457 problem response using the status table below, so codes mean the same everywhere.
 */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  /** The password was right; the sign-in needs the authenticator's code or a recovery code too. */
  two_factor_required: 401,
  /** An organization requires two-factor of its coaches and admins: enrol on the account page first. */
  two_factor_enrolment_required: 403,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  interview_completed: 409,
  /** The action does not fit the resource's current state (e.g. editing a started interview). */
  invalid_state: 409,
  already_member: 409,
  /** An assigned interview's window has not opened yet; details.opensAt says when it does. */
  not_yet_open: 409,
  /** The window closed before the interview was started; it is marked missed. */
  window_closed: 409,
  /** The server-owned deadline of a started interview has passed. */
  deadline_passed: 409,
  /** A proctored interview's required pre-check has not passed; details.failed names the checks. */
  precheck_required: 409,
  /** A one-time link that expired, was used or was revoked. */
  link_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
