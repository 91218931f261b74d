import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { Preferences, Profile, ProfileBody } from '../../../contract/index.js';
import { useTheme, type ThemeChoice } from '../../app/theme.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence } from '../../lib/form.js';
import { Alert } from '../../ui/alert.js';
import { Button } from '../../ui/button.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { Skeleton } from '../../ui/skeleton.js';
import { AccountNav, AccountSection } from './account-nav.js';
import { profileQuery, useSetPreferences, useUpdateProfile, useUploadAvatar } from './api.js';
import { NotificationChannelsForm } from './notification-channels.js';

const FIELDS = [
  { name: 'name', label: 'Name', autoComplete: 'name' },
  { name: 'phone', label: 'Phone', autoComplete: 'tel', type: 'tel', optional: true },
  { name: 'location', label: 'Location', autoComplete: 'address-level2', optional: true },
  { name: 'linkedinUrl', label: 'LinkedIn', type: 'url', optional: true, hint: 'https://www.linkedin.com/in/…' },
  { name: 'githubUrl', label: 'GitHub', type: 'url', optional: true, hint: 'https://github.com/…' },
  { name: 'websiteUrl', label: 'Website', type: 'url', optional: true },
] as const;

type Draft = Record<(typeof FIELDS)[number]['name'] | 'bio', string>;
const draftOf = (p: Profile): Draft => ({
  name: p.name,
  phone: p.phone ?? '',
  location: p.location ?? '',
  linkedinUrl: p.linkedinUrl ?? '',
  githubUrl: p.githubUrl ?? '',
  websiteUrl: p.websiteUrl ?? '',
  bio: p.bio ?? '',
});

function Details({ profile }: { profile: Profile }) {
  const update = useUpdateProfile();
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(draft as ProfileBody, {
      onSuccess: () => setErrors({}),
      onError: (err) =>
        setErrors(err instanceof ApiError ? Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, sentence(v)])) : {}),
    });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {update.isSuccess ? <Alert tone="success">Your profile is saved.</Alert> : null}
      {update.error && Object.keys(errors).length === 0 ? <Alert title="Could not save">{errorMessage(update.error)}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <TextField
            key={f.name}
            label={f.label}
            name={f.name}
            type={'type' in f ? f.type : 'text'}
            autoComplete={'autoComplete' in f ? f.autoComplete : 'url'}
            optional={'optional' in f}
            hint={'hint' in f ? f.hint : undefined}
            value={draft[f.name]}
            onChange={(e) => setDraft({ ...draft, [f.name]: e.target.value })}
            error={errors[f.name]}
          />
        ))}
      </div>
      <TextAreaField
        label="About you"
        name="bio"
        optional
        rows={4}
        maxLength={1000}
        value={draft.bio}
        onChange={(e) => setDraft({ ...draft, bio: e.target.value })}
        error={errors.bio}
      />
      <Button type="submit" loading={update.isPending} loadingText="Saving…">
        Save profile
      </Button>
    </form>
  );
}

function Avatar({ profile }: { profile: Profile }) {
  const upload = useUploadAvatar();
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
      {profile.avatarUrl ? (
        <img
          src={profile.avatarUrl}
          alt="Your avatar"
          width={96}
          height={96}
          className="size-24 rounded-full border border-border object-cover"
        />
      ) : (
        <div
          aria-hidden="true"
          className="grid size-24 place-items-center rounded-full bg-surface-muted text-2xl font-semibold text-fg-muted"
        >
          {profile.name.slice(0, 1).toUpperCase()}
        </div>
      )}
      <div className="space-y-2">
        <label className="block text-sm font-medium text-fg" htmlFor="avatar-file">
          New picture (PNG, JPEG, WebP or GIF, up to 5 MB)
        </label>
        <input
          id="avatar-file"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          className="block text-sm text-fg-muted file:mr-3 file:rounded-lg file:border file:border-border-strong file:bg-surface file:px-3 file:py-2 file:text-fg"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file);
          }}
        />
        {upload.error ? <Alert>{errorMessage(upload.error)}</Alert> : null}
      </div>
    </div>
  );
}

function PreferencesForm({ profile }: { profile: Profile }) {
  const save = useSetPreferences();
  const theme = useTheme();
  const set = (next: Partial<Preferences>) => save.mutate({ ...profile.preferences, ...next });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField
        label="Theme"
        name="theme"
        value={profile.preferences.theme}
        onChange={(e) => {
          theme.setChoice(e.target.value as ThemeChoice);
          set({ theme: e.target.value as ThemeChoice });
        }}
        hint="Used on every device you sign in on."
      >
        <option value="system">Like my device</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </SelectField>
      <SelectField
        label="Language"
        name="language"
        value={profile.preferences.language}
        onChange={(e) => set({ language: e.target.value as Preferences['language'] })}
      >
        <option value="en">English</option>
        <option value="fr">Français</option>
        <option value="es">Español</option>
        <option value="de">Deutsch</option>
      </SelectField>
      {save.error ? <Alert>{errorMessage(save.error)}</Alert> : null}
    </div>
  );
}

/** Applies the theme saved on the server, so a choice made on one device follows to the others. */
export function useServerTheme(enabled: boolean) {
  const profile = useQuery({ ...profileQuery, enabled });
  const { choice, setChoice } = useTheme();
  // Only a theme the person saved: an account that never saved one keeps this device's choice
  // (a visitor who picked dark on the sign-in page stays dark after registering).
  const saved = profile.data?.updatedAt ? profile.data.preferences.theme : undefined;
  useEffect(() => {
    if (saved && saved !== choice) setChoice(saved);
    // Only when the server's value changes: a local change is saved to the server right after.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);
}

export function ProfilePage() {
  const profile = useQuery(profileQuery);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <title>Profile · Panelist</title>
      <PageHeader title="Your account" description="What coaches see about you, and how Panelist looks for you." />
      <AccountNav />
      {!profile.data ? (
        profile.error ? (
          <Alert>{errorMessage(profile.error)}</Alert>
        ) : (
          <Skeleton className="h-64 w-full" />
        )
      ) : (
        <>
          <AccountSection id="avatar" title="Picture">
            <Avatar profile={profile.data} />
          </AccountSection>
          <AccountSection id="details" title="Profile">
            <Details profile={profile.data} />
          </AccountSection>
          <AccountSection id="preferences" title="Preferences">
            <PreferencesForm profile={profile.data} />
          </AccountSection>
          <AccountSection id="notifications" title="Notifications">
            <NotificationChannelsForm profile={profile.data} />
          </AccountSection>
        </>
      )}
    </div>
  );
}
