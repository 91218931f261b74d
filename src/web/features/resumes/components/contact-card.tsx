import { ExternalLink, Plus, Trash2, UserRound } from 'lucide-react';
import type { ReactNode } from 'react';
import { resumeLink, type ResumeLink, type Resume } from '../../../../contract/index.js';
import { Button } from '../../../ui/button.js';
import { TextField } from '../../../ui/field.js';
import { linkHref, linkKindLabels } from '../resume-format.js';
import { CorrectedBadge, EditableCard } from './editable-card.js';
import { useCorrection } from './use-correction.js';

interface ContactDraft {
  name: string;
  email: string;
  phone: string;
  location: string;
  links: ResumeLink[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const linkKinds = resumeLink.shape.kind.options;

function NotFound() {
  return <span className="text-fg-subtle italic">Not found</span>;
}

export function ContactCard({ resume, canEdit }: { resume: Resume; canEdit: boolean }) {
  const { parsed, corrected } = resume;
  const c = useCorrection<ContactDraft>(resume, (p) => ({
    name: p.name ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    location: p.location ?? '',
    links: p.links,
  }));

  function save() {
    const d = c.draft;
    if (!d) return;
    const errors: Record<string, string> = {};
    if (d.email.trim() && !EMAIL.test(d.email.trim())) errors.email = 'Enter an email address like name@example.com.';
    d.links.forEach((l, i) => {
      if (!l.url.trim()) errors[`link-${i}`] = 'Enter the address, or remove this link.';
      else if (!linkHref(l.url)) errors[`link-${i}`] = 'This does not look like a web address.';
    });
    c.setErrors(errors);
    if (Object.keys(errors).length) return;
    const orNull = (s: string) => s.trim() || null;
    c.save({
      name: orNull(d.name),
      email: orNull(d.email),
      phone: orNull(d.phone),
      location: orNull(d.location),
      links: d.links.map((l) => ({ kind: l.kind, url: l.url.trim() })),
    });
  }

  const row = (label: string, field: string, value: ReactNode) => (
    <div className="grid grid-cols-[6rem_minmax(0,1fr)] gap-3 py-2.5 sm:grid-cols-[7rem_minmax(0,1fr)]">
      <dt className="text-sm text-fg-subtle">{label}</dt>
      <dd className="flex min-w-0 flex-wrap items-center gap-2 text-sm text-fg">
        <span className="min-w-0 break-words">{value}</span>
        {corrected.includes(field) ? <CorrectedBadge /> : null}
      </dd>
    </div>
  );

  return (
    <EditableCard
      title="Contact"
      icon={UserRound}
      corrected={false}
      editing={canEdit ? c.editing : null}
      onEdit={c.edit}
      onCancel={c.cancel}
      onSave={save}
      saving={c.saving}
      saveError={c.saveError}
      view={
        <dl className="-my-2.5 divide-y divide-border">
          {row('Name', 'name', parsed.name ?? <NotFound />)}
          {row(
            'Email',
            'email',
            parsed.email ? (
              <a className="text-primary underline-offset-4 hover:underline" href={`mailto:${parsed.email}`}>
                {parsed.email}
              </a>
            ) : (
              <NotFound />
            ),
          )}
          {row('Phone', 'phone', parsed.phone ?? <NotFound />)}
          {row('Location', 'location', parsed.location ?? <NotFound />)}
          {row(
            'Links',
            'links',
            parsed.links.length ? (
              <ul className="space-y-1">
                {parsed.links.map((l) => {
                  const href = linkHref(l.url);
                  return (
                    <li key={l.url} className="min-w-0">
                      <span className="text-fg-subtle">{linkKindLabels[l.kind]}: </span>
                      {href ? (
                        <a
                          href={href}
                          target="_blank"
                          rel="noopener noreferrer nofollow"
                          className="inline-flex max-w-full items-center gap-1 break-all text-primary underline-offset-4 hover:underline"
                        >
                          {l.url}
                          <ExternalLink className="size-3.5 shrink-0" aria-hidden="true" />
                          <span className="sr-only"> (opens in a new tab)</span>
                        </a>
                      ) : (
                        <span className="break-all">{l.url}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <NotFound />
            ),
          )}
        </dl>
      }
      form={() =>
        c.draft ? (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label="Name"
                value={c.draft.name}
                maxLength={200}
                autoComplete="off"
                onChange={(e) => c.setDraft((d) => ({ ...d, name: e.target.value }))}
              />
              <TextField
                label="Email"
                type="email"
                value={c.draft.email}
                maxLength={254}
                autoComplete="off"
                error={c.errors.email}
                onChange={(e) => c.setDraft((d) => ({ ...d, email: e.target.value }))}
              />
              <TextField
                label="Phone"
                type="tel"
                value={c.draft.phone}
                maxLength={50}
                autoComplete="off"
                onChange={(e) => c.setDraft((d) => ({ ...d, phone: e.target.value }))}
              />
              <TextField
                label="Location"
                value={c.draft.location}
                maxLength={200}
                autoComplete="off"
                onChange={(e) => c.setDraft((d) => ({ ...d, location: e.target.value }))}
              />
            </div>
            <fieldset className="space-y-3">
              <legend className="mb-2 text-sm font-medium text-fg">Links</legend>
              {c.draft.links.map((l, i) => (
                <div key={i} className="flex flex-wrap items-start gap-2 sm:flex-nowrap">
                  <label className="sr-only" htmlFor={`link-kind-${i}`}>
                    Kind of link {i + 1}
                  </label>
                  <select
                    id={`link-kind-${i}`}
                    value={l.kind}
                    onChange={(e) =>
                      c.setDraft((d) => ({
                        ...d,
                        links: d.links.map((x, j) => (j === i ? { ...x, kind: e.target.value as ResumeLink['kind'] } : x)),
                      }))
                    }
                    className="h-11 w-32 shrink-0 rounded-xl border border-border-strong bg-surface px-3 text-sm text-fg"
                  >
                    {linkKinds.map((k) => (
                      <option key={k} value={k}>
                        {linkKindLabels[k]}
                      </option>
                    ))}
                  </select>
                  <div className="min-w-0 flex-1 basis-48">
                    <TextField
                      label={<span className="sr-only">Address of link {i + 1}</span>}
                      value={l.url}
                      maxLength={500}
                      placeholder="https://"
                      error={c.errors[`link-${i}`]}
                      onChange={(e) =>
                        c.setDraft((d) => ({ ...d, links: d.links.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)) }))
                      }
                    />
                  </div>
                  <Button
                    variant="ghost"
                    className="size-11 shrink-0 px-0"
                    onClick={() => c.setDraft((d) => ({ ...d, links: d.links.filter((_, j) => j !== i) }))}
                    aria-label={`Remove link ${i + 1}`}
                  >
                    <Trash2 className="size-4" aria-hidden="true" />
                  </Button>
                </div>
              ))}
              {c.draft.links.length < 20 ? (
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => c.setDraft((d) => ({ ...d, links: [...d.links, { kind: 'website', url: '' }] }))}
                >
                  <Plus className="size-4" aria-hidden="true" /> Add a link
                </Button>
              ) : null}
            </fieldset>
          </>
        ) : null
      }
    />
  );
}
