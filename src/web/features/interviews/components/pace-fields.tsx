import { SelectField } from '../../../ui/field.js';

/** The practice's pace as chosen in the form; 0 means no limit. */
export interface PaceChoice {
  thinkSeconds: number;
  answerSeconds: number;
  durationMinutes: number;
}

const thinkOptions = [0, 15, 30, 60, 120];
const answerOptions = [0, 60, 120, 180, 300];
const durationOptions = [0, 10, 15, 20, 30, 45, 60];

function seconds(n: number) {
  return n < 60 ? `${n} seconds` : n % 60 === 0 ? `${n / 60} minute${n === 60 ? '' : 's'}` : `${n} seconds`;
}

/** Think time, answer time and overall duration, as one-way interviews set them. */
export function PaceFields({
  value,
  onChange,
  errors,
}: {
  value: PaceChoice;
  onChange: (next: PaceChoice) => void;
  errors: Record<string, string>;
}) {
  const set = (key: keyof PaceChoice) => (e: React.ChangeEvent<HTMLSelectElement>) => onChange({ ...value, [key]: Number(e.target.value) });
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-medium text-fg">Pace (optional)</legend>
      <p className="text-sm text-fg-muted">
        Practise under the limits of a real one-way interview. When the answer time runs out, what you have written is submitted.
      </p>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        <SelectField
          label="Think time"
          name="thinkSeconds"
          value={value.thinkSeconds}
          onChange={set('thinkSeconds')}
          error={errors.thinkSeconds}
        >
          {thinkOptions.map((n) => (
            <option key={n} value={n}>
              {n ? seconds(n) : 'None'}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Answer time"
          name="answerSeconds"
          value={value.answerSeconds}
          onChange={set('answerSeconds')}
          error={errors.answerSeconds}
        >
          {answerOptions.map((n) => (
            <option key={n} value={n}>
              {n ? `${seconds(n)} per question` : 'No limit'}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Whole interview"
          name="durationMinutes"
          value={value.durationMinutes}
          onChange={set('durationMinutes')}
          error={errors.durationMinutes}
        >
          {durationOptions.map((n) => (
            <option key={n} value={n}>
              {n ? `${n} minutes` : 'No limit'}
            </option>
          ))}
        </SelectField>
      </div>
    </fieldset>
  );
}

/** The body fields of a chosen pace (a limit of 0 is left out). */
export function paceBody(p: PaceChoice) {
  return {
    ...(p.thinkSeconds ? { thinkSeconds: p.thinkSeconds } : {}),
    ...(p.answerSeconds ? { answerSeconds: p.answerSeconds } : {}),
    ...(p.durationMinutes ? { durationMinutes: p.durationMinutes } : {}),
  };
}
