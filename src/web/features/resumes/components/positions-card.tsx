import { ArrowDown, ArrowUp, Briefcase, GraduationCap, Plus, Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Resume, ResumeEducation, ResumePosition } from '../../../../contract/index.js';
import { Button } from '../../../ui/button.js';
import { TextField } from '../../../ui/field.js';
import { formatMonth, MONTH_OR_YEAR, positionDuration } from '../resume-format.js';
import { EditableCard } from './editable-card.js';
import { useCorrection } from './use-correction.js';

interface PositionDraft {
  title: string;
  employer: string;
  start: string;
  end: string;
}

const toDraft = (p: ResumePosition): PositionDraft => ({ title: p.title, employer: p.employer, start: p.start ?? '', end: p.end ?? '' });

/** Work history as a timeline, newest first as the resume lists it. */
export function PositionsCard({ resume, canEdit }: { resume: Resume; canEdit: boolean }) {
  const c = useCorrection(resume, (p) => p.positions.map(toDraft));
  const positions = resume.parsed.positions;

  function save() {
    const d = c.draft;
    if (!d) return;
    const errors: Record<string, string> = {};
    d.forEach((p, i) => {
      if (!p.title.trim() && !p.employer.trim()) errors[`${i}-title`] = 'Give a job title or an employer, or remove this position.';
      if (p.start.trim() && !MONTH_OR_YEAR.test(p.start.trim())) errors[`${i}-start`] = 'Use YYYY-MM or YYYY.';
      const end = p.end.trim().toLowerCase();
      if (end && end !== 'present' && !MONTH_OR_YEAR.test(end)) errors[`${i}-end`] = 'Use YYYY-MM, YYYY or “present”.';
    });
    c.setErrors(errors);
    if (Object.keys(errors).length) return;
    c.save({
      positions: d.map((p) => ({
        title: p.title.trim(),
        employer: p.employer.trim(),
        start: p.start.trim() || null,
        end: p.end.trim().toLowerCase() || null,
      })),
    });
  }

  return (
    <EditableCard
      title="Experience"
      icon={Briefcase}
      corrected={resume.corrected.includes('positions')}
      editing={canEdit ? c.editing : null}
      onEdit={c.edit}
      onCancel={c.cancel}
      onSave={save}
      saving={c.saving}
      saveError={c.saveError}
      aside={<span className="text-sm text-fg-subtle">{positions.length === 1 ? '1 position' : `${positions.length} positions`}</span>}
      view={
        positions.length ? (
          <ol className="relative space-y-5 border-l-2 border-border pl-5" aria-label="Positions">
            {positions.map((p, i) => {
              const duration = positionDuration(p);
              const current = p.end === 'present';
              return (
                <li key={i} className="relative">
                  <span
                    className={`absolute top-1.5 -left-[27px] size-3 rounded-full ring-4 ring-surface ${current ? 'bg-primary' : 'bg-border-strong'}`}
                    aria-hidden="true"
                  />
                  <p className="font-medium text-fg">{p.title || <span className="text-fg-subtle italic">Title not found</span>}</p>
                  <p className="text-sm text-fg-muted">{p.employer || <span className="italic">Employer not found</span>}</p>
                  <p className="mt-0.5 text-sm text-fg-subtle tabular-nums">
                    {formatMonth(p.start)} – {formatMonth(p.end)}
                    {duration ? <span> · {duration}</span> : null}
                  </p>
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="text-sm text-fg-subtle">No positions found. Add your jobs so tailored questions can ask about them.</p>
        )
      }
      form={() =>
        c.draft ? (
          <ListEditor
            items={c.draft}
            itemLabel="position"
            onChange={(next) => c.setDraft(next)}
            blank={{ title: '', employer: '', start: '', end: '' }}
            max={50}
            render={(p, i, set) => (
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField
                  label="Job title"
                  value={p.title}
                  maxLength={200}
                  error={c.errors[`${i}-title`]}
                  onChange={(e) => set({ ...p, title: e.target.value })}
                />
                <TextField label="Employer" value={p.employer} maxLength={200} onChange={(e) => set({ ...p, employer: e.target.value })} />
                <TextField
                  label="Start"
                  value={p.start}
                  placeholder="2021-03"
                  inputMode="numeric"
                  error={c.errors[`${i}-start`]}
                  onChange={(e) => set({ ...p, start: e.target.value })}
                />
                <TextField
                  label="End"
                  value={p.end}
                  placeholder="present"
                  error={c.errors[`${i}-end`]}
                  onChange={(e) => set({ ...p, end: e.target.value })}
                />
              </div>
            )}
          />
        ) : null
      }
    />
  );
}

interface EducationDraft {
  degree: string;
  institution: string;
  year: string;
}

export function EducationCard({ resume, canEdit }: { resume: Resume; canEdit: boolean }) {
  const c = useCorrection(resume, (p) =>
    p.education.map((e): EducationDraft => ({ degree: e.degree, institution: e.institution, year: e.year === null ? '' : String(e.year) })),
  );
  const education = resume.parsed.education;

  function save() {
    const d = c.draft;
    if (!d) return;
    const errors: Record<string, string> = {};
    d.forEach((e, i) => {
      if (!e.degree.trim() && !e.institution.trim()) errors[`${i}-degree`] = 'Give a degree or an institution, or remove this entry.';
      const year = Number(e.year);
      if (e.year.trim() && !(Number.isInteger(year) && year >= 1950 && year <= 2100)) errors[`${i}-year`] = 'Use a four-digit year.';
    });
    c.setErrors(errors);
    if (Object.keys(errors).length) return;
    c.save({
      education: d.map((e): ResumeEducation => ({
        degree: e.degree.trim(),
        institution: e.institution.trim(),
        year: e.year.trim() ? Number(e.year) : null,
      })),
    });
  }

  return (
    <EditableCard
      title="Education"
      icon={GraduationCap}
      corrected={resume.corrected.includes('education')}
      editing={canEdit ? c.editing : null}
      onEdit={c.edit}
      onCancel={c.cancel}
      onSave={save}
      saving={c.saving}
      saveError={c.saveError}
      view={
        education.length ? (
          <ul className="divide-y divide-border">
            {education.map((e, i) => (
              <li key={i} className="flex items-baseline justify-between gap-4 py-2.5 first:pt-0 last:pb-0">
                <div className="min-w-0">
                  <p className="font-medium text-fg">{e.degree || <span className="text-fg-subtle italic">Degree not found</span>}</p>
                  <p className="text-sm text-fg-muted">{e.institution || <span className="italic">Institution not found</span>}</p>
                </div>
                <span className="shrink-0 text-sm text-fg-subtle tabular-nums">{e.year ?? ''}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-fg-subtle">No education found.</p>
        )
      }
      form={() =>
        c.draft ? (
          <ListEditor
            items={c.draft}
            itemLabel="education entry"
            onChange={(next) => c.setDraft(next)}
            blank={{ degree: '', institution: '', year: '' }}
            max={20}
            render={(e, i, set) => (
              <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_7rem]">
                <TextField
                  label="Degree"
                  value={e.degree}
                  maxLength={200}
                  error={c.errors[`${i}-degree`]}
                  onChange={(ev) => set({ ...e, degree: ev.target.value })}
                />
                <TextField
                  label="Institution"
                  value={e.institution}
                  maxLength={200}
                  onChange={(ev) => set({ ...e, institution: ev.target.value })}
                />
                <TextField
                  label="Year"
                  value={e.year}
                  inputMode="numeric"
                  maxLength={4}
                  error={c.errors[`${i}-year`]}
                  onChange={(ev) => set({ ...e, year: ev.target.value })}
                />
              </div>
            )}
          />
        ) : null
      }
    />
  );
}

interface ListEditorProps<T> {
  items: T[];
  itemLabel: string;
  onChange: (next: T[]) => void;
  blank: T;
  max: number;
  render: (item: T, index: number, set: (next: T) => void) => ReactNode;
}

/** Rows of small forms with move up/down and remove, and an "Add" button. */
function ListEditor<T>({ items, itemLabel, onChange, blank, max, render }: ListEditorProps<T>) {
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange(next);
  };
  return (
    <div className="space-y-3">
      <ol className="space-y-3">
        {items.map((item, i) => (
          <li key={i} className="rounded-xl border border-border bg-surface-muted/40 p-3 sm:p-4">
            <fieldset>
              <legend className="sr-only">
                {itemLabel.charAt(0).toUpperCase() + itemLabel.slice(1)} {i + 1}
              </legend>
              {render(item, i, (next) => onChange(items.map((x, j) => (j === i ? next : x))))}
            </fieldset>
            <div className="mt-3 flex justify-end gap-1">
              <Button
                variant="ghost"
                size="sm"
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
                aria-label={`Move ${itemLabel} ${i + 1} up`}
              >
                <ArrowUp className="size-4" aria-hidden="true" />
              </Button>
              <Button
                variant="ghost"
                size="sm"
                disabled={i === items.length - 1}
                onClick={() => move(i, i + 1)}
                aria-label={`Move ${itemLabel} ${i + 1} down`}
              >
                <ArrowDown className="size-4" aria-hidden="true" />
              </Button>
              <Button variant="ghost" size="sm" className="hover:text-danger" onClick={() => onChange(items.filter((_, j) => j !== i))}>
                <Trash2 className="size-4" aria-hidden="true" /> Remove
                <span className="sr-only">
                  {' '}
                  {itemLabel} {i + 1}
                </span>
              </Button>
            </div>
          </li>
        ))}
      </ol>
      {items.length < max ? (
        <Button variant="secondary" size="sm" onClick={() => onChange([...items, blank])}>
          <Plus className="size-4" aria-hidden="true" /> Add {itemLabel === 'education entry' ? 'education' : `a ${itemLabel}`}
        </Button>
      ) : null}
    </div>
  );
}
