/** The two filter controls that are more than a menu: a date range and a number box. */
import { useEffect, useState } from 'preact/hooks';
import { DATE_PRESETS, type DatePreset, type DateRange, toDay } from '../../utils/filters/model';

const PRESET_LABELS: Record<DatePreset, string> = {
  '24h': 'last 24 hours',
  '7d': 'last 7 days',
  '30d': 'last 30 days',
};

export function DateRangeControl(props: {
  label: string;
  range: DateRange;
  now: number;
  onChange: (range: DateRange) => void;
}) {
  const { range, label } = props;
  const custom = range.preset === null && (range.from !== null || range.to !== null);
  const value = range.preset ?? (custom ? 'custom' : 'any');
  return (
    <span class="date-range">
      <select
        aria-label={`${label} date`}
        value={value}
        onChange={(event) => {
          const choice = event.currentTarget.value;
          if (choice === 'any') props.onChange({ preset: null, from: null, to: null });
          else if (choice === 'custom') {
            const week = 7 * 24 * 60 * 60 * 1000;
            props.onChange({ preset: null, from: toDay(props.now - week), to: toDay(props.now) });
          } else props.onChange({ preset: choice as DatePreset, from: null, to: null });
        }}
      >
        <option value="any">{label}: any time</option>
        {DATE_PRESETS.map((preset) => (
          <option key={preset} value={preset}>
            {label}: {PRESET_LABELS[preset]}
          </option>
        ))}
        <option value="custom">{label}: between…</option>
      </select>
      {custom ? (
        <>
          <input
            type="date"
            aria-label={`${label} from`}
            value={range.from ?? ''}
            max={range.to ?? undefined}
            onChange={(event) =>
              props.onChange({ ...range, from: event.currentTarget.value || null })
            }
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            aria-label={`${label} to`}
            value={range.to ?? ''}
            min={range.from ?? undefined}
            onChange={(event) =>
              props.onChange({ ...range, to: event.currentTarget.value || null })
            }
          />
        </>
      ) : null}
    </span>
  );
}

/** A number box that lets a person type ("1.", "") without the value jumping under them. */
export function NumberField(props: {
  label: string;
  placeholder: string;
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  const [text, setText] = useState(props.value === null ? '' : String(props.value));
  useEffect(() => {
    const parsed = text.trim() === '' ? null : Number(text);
    if (parsed !== props.value) setText(props.value === null ? '' : String(props.value));
  }, [props.value]);
  return (
    <input
      type="text"
      inputMode="decimal"
      class="number-input"
      aria-label={props.label}
      placeholder={props.placeholder}
      value={text}
      onInput={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (next.trim() === '') props.onChange(null);
        else {
          const number = Number(next);
          if (Number.isFinite(number) && number >= 0) props.onChange(number);
        }
      }}
    />
  );
}
