import { useQuery } from '@tanstack/react-query';
import { KeyRound, Link2, Unlink } from 'lucide-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { SSO_ERROR_MESSAGES, type LinkedIdentity } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { formatDate } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { Skeleton } from '../../ui/skeleton.js';
import { linkedIdentitiesQuery, useLinkProvider, useUnlinkIdentity } from './api.js';

/**
 * Single sign-on identities linked to my account: link another provider (the provider's page
 * opens and comes back here with ?sso_linked= or ?sso_error=) and unlink one.
 */
export function SignInMethodsSection() {
  const identities = useQuery(linkedIdentitiesQuery);
  const link = useLinkProvider();
  const unlink = useUnlinkIdentity();
  const [params] = useSearchParams();
  const [unlinking, setUnlinking] = useState<LinkedIdentity | null>(null);
  const linked = params.get('sso_linked');
  const linkError = params.get('sso_error');

  if (identities.isPending) return <Skeleton className="h-16 w-full" />;
  if (identities.isError) return <Alert title="Could not load your sign-in methods">{errorMessage(identities.error)}</Alert>;
  const { items, providers, hasPassword } = identities.data;
  if (providers.length === 0 && items.length === 0) {
    return <p className="text-sm text-fg-muted">Single sign-on is not set up on this Panelist server.</p>;
  }
  const linkedName = providers.find((p) => p.id === linked)?.name ?? linked;

  return (
    <div className="space-y-4">
      <p className="text-sm text-fg-muted">
        Sign in with an account at another provider instead of your password.{' '}
        {hasPassword
          ? 'Your password keeps working.'
          : 'This account has no password yet: “Password” above mails you a link that sets one.'}
      </p>
      {linked && !linkError ? (
        <Alert tone="success" title="Provider linked">
          You can now sign in with {linkedName}.
        </Alert>
      ) : null}
      {linkError ? (
        <Alert title="The provider was not linked">{SSO_ERROR_MESSAGES[linkError] ?? 'Single sign-on did not work. Try again.'}</Alert>
      ) : null}
      {items.length > 0 ? (
        <ul className="divide-y divide-border rounded-xl border border-border" aria-label="Linked sign-in providers">
          {items.map((i) => (
            <li key={i.id} className="flex flex-col gap-2 p-3 text-sm sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0 space-y-1">
                <p className="flex flex-wrap items-center gap-2 font-medium text-fg">
                  <KeyRound className="size-4 text-primary" aria-hidden="true" /> {i.providerName}
                  {i.usable ? null : <Badge tone="warning">No longer offered here</Badge>}
                </p>
                <p className="text-fg-subtle [overflow-wrap:anywhere]">
                  {i.email ?? 'No email shared'} · linked {formatDate(i.createdAt)}
                  {i.lastUsedAt ? ` · last used ${formatDate(i.lastUsedAt)}` : ''}
                </p>
              </div>
              <Button
                variant="ghost"
                size="sm"
                onClick={() => {
                  unlink.reset();
                  setUnlinking(i);
                }}
                aria-label={`Unlink ${i.providerName}${i.email ? ` (${i.email})` : ''}`}
              >
                <Unlink className="size-4" aria-hidden="true" /> Unlink
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-fg-muted">No provider is linked to your account.</p>
      )}
      {providers.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {providers.map((p) => (
            <Button
              key={p.id}
              variant="secondary"
              loading={link.isPending && link.variables === p.id}
              loadingText="Opening…"
              onClick={() => link.mutate(p.id)}
            >
              <Link2 className="size-4" aria-hidden="true" /> Link {p.name}
            </Button>
          ))}
        </div>
      ) : null}
      {link.isError ? <Alert title="Could not start linking">{errorMessage(link.error)}</Alert> : null}

      <ConfirmDialog
        open={unlinking !== null}
        tone="danger"
        title="Unlink this provider?"
        confirmLabel="Unlink"
        busy={unlink.isPending}
        onCancel={() => setUnlinking(null)}
        onConfirm={() => {
          if (unlinking) unlink.mutate(unlinking.id, { onSuccess: () => setUnlinking(null) });
        }}
      >
        <div className="space-y-3">
          <p>
            You will no longer sign in with {unlinking?.providerName}
            {unlinking?.email ? ` (${unlinking.email})` : ''}. You can link it again later.
          </p>
          {unlink.error ? <Alert>{errorMessage(unlink.error)}</Alert> : null}
        </div>
      </ConfirmDialog>
    </div>
  );
}
