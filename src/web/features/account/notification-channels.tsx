import { useState } from 'react';
import type { NotificationKind, Preferences, Profile } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { Alert } from '../../ui/alert.js';
import { useSetPreferences } from './api.js';

/**
 * The notices Panelist sends, in the words a person recognises, and whether the notice also
 * exists as an email (the proctoring alert and the data export are in-app only).
 */
const KINDS: { kind: NotificationKind; label: string; hint: string; emailed: boolean }[] = [
  {
    kind: 'interview_scheduled',
    label: 'Interview scheduled',
    hint: 'A coach schedules an interview for you (with a calendar invite).',
    emailed: true,
  },
  { kind: 'interview_rescheduled', label: 'Interview rescheduled', hint: 'Its window or questions change.', emailed: true },
  { kind: 'interview_cancelled', label: 'Interview cancelled', hint: 'A scheduled interview is called off.', emailed: true },
  { kind: 'interview_starting_soon', label: 'Interview starting soon', hint: 'A reminder before the window opens.', emailed: true },
  { kind: 'interview_completed', label: 'Interview completed', hint: 'A candidate you coach finishes an interview.', emailed: true },
  { kind: 'interview_missed', label: 'Interview missed', hint: 'The window closed without an answer.', emailed: true },
  { kind: 'results_ready', label: 'Results released', hint: 'Your coach releases your results.', emailed: true },
  { kind: 'invitation_accepted', label: 'Invitation accepted', hint: 'Someone you invited joins your organization.', emailed: true },
  {
    kind: 'integrity_threshold',
    label: 'Proctoring alert',
    hint: 'An interview you run reaches its proctoring threshold.',
    emailed: false,
  },
  { kind: 'data_export_ready', label: 'Data export ready', hint: 'The copy of your data you asked for can be downloaded.', emailed: false },
];

type Channel = 'inApp' | 'email';

/** Which channels each kind of notice may use; saved on the server, so it holds on every device. */
export function NotificationChannelsForm({ profile }: { profile: Profile }) {
  const save = useSetPreferences();
  // Shown at once, not after the server answers; a failed save goes back to what the server holds.
  const [chosen, setChosen] = useState(profile.preferences.notifications);
  const channelsOf = (kind: NotificationKind) => chosen[kind] ?? { inApp: true, email: true };
  const toggle = (kind: NotificationKind, channel: Channel, on: boolean) => {
    const notifications: Preferences['notifications'] = { ...chosen, [kind]: { ...channelsOf(kind), [channel]: on } };
    setChosen(notifications);
    save.mutate({ ...profile.preferences, notifications }, { onError: () => setChosen(profile.preferences.notifications) });
  };
  return (
    <div className="space-y-3">
      <p className="text-sm text-fg-muted">
        Choose where each notice reaches you. Security mail (sign-in codes, password and email changes) is always sent.
      </p>
      <table className="w-full text-sm">
        <caption className="sr-only">Notification channels by kind of notice</caption>
        <thead>
          <tr className="text-left text-fg-muted">
            <th scope="col" className="py-2 pr-3 font-medium">
              Notice
            </th>
            <th scope="col" className="w-14 px-1 py-2 text-center sm:w-20 sm:px-2 font-medium">
              In app
            </th>
            <th scope="col" className="w-14 px-1 py-2 text-center sm:w-20 sm:px-2 font-medium">
              Email
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {KINDS.map(({ kind, label, hint, emailed }) => {
            const channels = channelsOf(kind);
            return (
              <tr key={kind}>
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  <span className="block font-medium text-fg">{label}</span>
                  <span className="block text-xs text-fg-muted">{hint}</span>
                </th>
                <td className="px-2 py-2 text-center">
                  <input
                    type="checkbox"
                    className="size-4 accent-primary"
                    aria-label={`${label}: in app`}
                    checked={channels.inApp}
                    onChange={(e) => toggle(kind, 'inApp', e.target.checked)}
                  />
                </td>
                <td className="px-2 py-2 text-center">
                  {emailed ? (
                    <input
                      type="checkbox"
                      className="size-4 accent-primary"
                      aria-label={`${label}: email`}
                      checked={channels.email}
                      onChange={(e) => toggle(kind, 'email', e.target.checked)}
                    />
                  ) : (
                    <span className="text-xs text-fg-muted" title="This notice has no email">
                      —
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {save.error ? <Alert>{errorMessage(save.error)}</Alert> : null}
    </div>
  );
}
