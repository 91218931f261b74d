/**
 * Mails about the account itself. Codes and links travel only here; the texts say what to do
 * when the reader did not ask for the mail, because often they did not.
 */

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface MailText {
  subject: string;
  text: string;
  html: string;
}

/** Paragraphs as plain text and HTML; a paragraph given as { link, label } becomes a link. */
function compose(subject: string, paragraphs: (string | { link: string; label: string })[]): MailText {
  const text = paragraphs.map((p) => (typeof p === 'string' ? p : `${p.label}: ${p.link}`)).join('\n\n');
  const html = paragraphs
    .map((p) => (typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.label)}</a></p>`))
    .join('\n');
  return { subject, text, html };
}

const minutes = (ms: number) => Math.round(ms / 60_000);

export function accountExistsMail(input: { name: string; signInLink: string; resetLink: string }): MailText {
  return compose('Someone tried to register with your email on Panelist', [
    `Hello ${input.name},`,
    'Someone, perhaps you, just tried to create a Panelist account with this email address. You already have an account, so nothing was created and nothing changed.',
    { label: 'Sign in', link: input.signInLink },
    { label: 'Forgot your password? Reset it', link: input.resetLink },
    'If it was not you, you can ignore this email.',
  ]);
}

export function verifyEmailMail(input: { name: string; code: string; link: string }): MailText {
  return compose('Confirm your email for Panelist', [
    `Hello ${input.name},`,
    'Welcome to Panelist. Confirm this address so you can invite people to your organizations and share your results.',
    { label: 'Confirm my email', link: input.link },
    `Or enter this code on your account page: ${input.code}`,
    'If you did not create an account, you can ignore this email.',
  ]);
}

export function signInCodeMail(input: { name: string; code: string; ttlMs: number }): MailText {
  return compose(`${input.code} is your Panelist sign-in code`, [
    `Hello ${input.name},`,
    `Your account is paused after several wrong passwords. Someone, perhaps you, then entered the right password. To sign in, enter this code with your password within ${minutes(input.ttlMs)} minutes: ${input.code}`,
    'If this was not you, your password is known to someone else: reset it now from the sign-in page.',
  ]);
}

export function passwordResetMail(input: { name: string; code: string; link: string; ttlMs: number }): MailText {
  return compose(`${input.code} is your Panelist password reset code`, [
    `Hello ${input.name},`,
    `Enter this code to choose a new password: ${input.code}`,
    { label: 'Or choose a new password here', link: input.link },
    `The code and the link work once, for ${minutes(input.ttlMs)} minutes. Resetting signs you out everywhere.`,
    'If you did not ask for this, you can ignore this email; your password stays as it is.',
  ]);
}

export function passwordChangedMail(input: { name: string; how: 'reset' | 'change'; resetLink: string }): MailText {
  return compose('Your Panelist password was changed', [
    `Hello ${input.name},`,
    input.how === 'reset'
      ? 'Your password was just reset with a code sent to this address, and every session was signed out.'
      : 'Your password was just changed from your account page, and your other sessions were signed out.',
    'If this was not you, reset your password now and check your sessions.',
    { label: 'Reset my password', link: input.resetLink },
  ]);
}

export function confirmNewEmailMail(input: { name: string; newEmail: string; code: string; link: string }): MailText {
  return compose('Confirm your new email for Panelist', [
    `Hello ${input.name},`,
    `You asked to sign in to Panelist as ${input.newEmail} from now on. Confirm it is yours:`,
    { label: 'Confirm this address', link: input.link },
    `Or enter this code on your account page: ${input.code}`,
    'Until you confirm, your account keeps its current address. If you did not ask for this, ignore this email.',
  ]);
}

export function emailChangeNoticeMail(input: { name: string; newEmail: string; stage: 'requested' | 'done'; resetLink: string }): MailText {
  return compose(input.stage === 'done' ? 'Your Panelist email was changed' : 'A change of your Panelist email was requested', [
    `Hello ${input.name},`,
    input.stage === 'done'
      ? `Your Panelist account now signs in as ${input.newEmail}. Mails will no longer come to this address.`
      : `Someone signed in to your account asked to move it to ${input.newEmail}. It moves only once that address is confirmed.`,
    'If this was not you, reset your password now: that also cancels a change not yet confirmed.',
    { label: 'Reset my password', link: input.resetLink },
  ]);
}
