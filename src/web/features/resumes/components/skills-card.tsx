import { Gauge, Sparkles } from 'lucide-react';
import type { Resume } from '../../../../contract/index.js';
import { ChipInput, ChipList } from '../../../ui/chip-input.js';
import { TextField } from '../../../ui/field.js';
import { formatYears, sectionLabel } from '../resume-format.js';
import { CorrectedBadge, EditableCard } from './editable-card.js';
import { useCorrection } from './use-correction.js';

export function SkillsCard({ resume, canEdit }: { resume: Resume; canEdit: boolean }) {
  const c = useCorrection(resume, (p) => p.skills);
  const count = resume.parsed.skills.length;
  return (
    <EditableCard
      title="Skills"
      icon={Sparkles}
      corrected={resume.corrected.includes('skills')}
      editing={canEdit ? c.editing : null}
      onEdit={c.edit}
      onCancel={c.cancel}
      onSave={() => c.draft && c.save({ skills: c.draft })}
      saving={c.saving}
      saveError={c.saveError}
      aside={<span className="text-sm text-fg-subtle">{count === 1 ? '1 skill' : `${count} skills`}</span>}
      view={<ChipList items={resume.parsed.skills} tone="primary" label="Skills found" empty="No skills found. Add the ones you have." />}
      form={() =>
        c.draft ? (
          <ChipInput
            label="Skills"
            value={c.draft}
            onChange={(next) => c.setDraft(next)}
            tone="primary"
            max={200}
            placeholder="Add a skill"
            hint="Remove anything that is not a skill of yours; add what the parser missed. Commas separate several."
          />
        ) : null
      }
    />
  );
}

interface OverviewDraft {
  years: string;
  sections: string[];
}

export function OverviewCard({ resume, canEdit }: { resume: Resume; canEdit: boolean }) {
  const c = useCorrection<OverviewDraft>(resume, (p) => ({
    years: p.yearsOfExperience === null ? '' : String(p.yearsOfExperience),
    sections: p.sections,
  }));
  const { parsed, corrected } = resume;

  function save() {
    const d = c.draft;
    if (!d) return;
    const years = d.years.trim() === '' ? null : Number(d.years);
    if (years !== null && (!Number.isFinite(years) || years < 0 || years > 70)) {
      c.setErrors({ years: 'Enter a number of years between 0 and 70, or leave it empty.' });
      return;
    }
    c.setErrors({});
    c.save({ yearsOfExperience: years, sections: d.sections });
  }

  return (
    <EditableCard
      title="At a glance"
      icon={Gauge}
      editing={canEdit ? c.editing : null}
      onEdit={c.edit}
      onCancel={c.cancel}
      onSave={save}
      saving={c.saving}
      saveError={c.saveError}
      view={
        <dl className="space-y-4">
          <div>
            <dt className="flex items-center gap-2 text-sm text-fg-subtle">
              Years of experience {corrected.includes('yearsOfExperience') ? <CorrectedBadge /> : null}
            </dt>
            <dd className="mt-0.5 text-2xl font-semibold tracking-tight text-fg tabular-nums">{formatYears(parsed.yearsOfExperience)}</dd>
          </div>
          <div>
            <dt className="mb-1.5 flex items-center gap-2 text-sm text-fg-subtle">
              Sections found {corrected.includes('sections') ? <CorrectedBadge /> : null}
            </dt>
            <dd>
              <ChipList items={parsed.sections.map(sectionLabel)} label="Sections found" empty="No sections recognised." />
            </dd>
          </div>
        </dl>
      }
      form={() =>
        c.draft ? (
          <>
            <TextField
              label="Years of experience"
              type="number"
              inputMode="decimal"
              min={0}
              max={70}
              step={0.5}
              value={c.draft.years}
              error={c.errors.years}
              hint="Leave empty when the resume does not say."
              onChange={(e) => {
                const years = e.target.value;
                c.setDraft((d) => ({ ...d, years }));
              }}
              className="max-w-40"
            />
            <ChipInput
              label="Sections"
              value={c.draft.sections}
              onChange={(sections) => c.setDraft((d) => ({ ...d, sections }))}
              max={30}
              placeholder="Add a section"
              hint="The headings your resume uses, such as Experience, Education or Projects."
            />
          </>
        ) : null
      }
    />
  );
}
