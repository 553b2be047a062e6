/** The two filter controls that are more than a menu: a date range and a number box. */
import { useEffect, useState } from 'preact/hooks';
import { DATE_PRESETS, type DatePreset, type DateRange, toDay } from '../../utils/filters/model';
import { t } from '../../utils/i18n';

const PRESET_LABELS: Record<DatePreset, () => string> = {
  '24h': () => t('sessions.filters.last24h'),
  '7d': () => t('sessions.filters.last7d'),
  '30d': () => t('sessions.filters.last30d'),
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
        aria-label={t('sessions.filters.dateLabel', [label])}
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
        <option value="any">{t('sessions.filters.anyTime', [label])}</option>
        {DATE_PRESETS.map((preset) => (
          <option key={preset} value={preset}>
            {t('sessions.filters.preset', [label, PRESET_LABELS[preset]()])}
          </option>
        ))}
        <option value="custom">{t('sessions.filters.between', [label])}</option>
      </select>
      {custom ? (
        <>
          <input
            type="date"
            aria-label={t('sessions.filters.from', [label])}
            value={range.from ?? ''}
            max={range.to ?? undefined}
            onChange={(event) =>
              props.onChange({ ...range, from: event.currentTarget.value || null })
            }
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            aria-label={t('sessions.filters.to', [label])}
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
