import { useEffect, useState } from 'preact/hooks';
import { formatDay, parseDmy } from './time.format.ts';

/**
 * A day typed as dd/mm/yyyy whatever the browser's locale (a date input would show mm/dd/yyyy on an
 * English Windows); the value outside is YYYY-MM-DD and changes only when the text is a real day.
 */
export function DayInput(props: {
  value: string;
  onChange: (isoDay: string) => void;
  name?: string;
  label?: string;
  /** Told the text when the field is left holding no real day (31/02/2026), and null once it holds one again. */
  onInvalid?: (text: string | null) => void;
}) {
  const [text, setText] = useState(formatDay(props.value));
  useEffect(() => {
    if (parseDmy(text) !== props.value) setText(formatDay(props.value));
  }, [props.value]);
  const bad = text.trim() !== '' && parseDmy(text) === null;
  return (
    <input
      class={`w-date ${bad ? 'bad' : ''}`}
      name={props.name}
      aria-label={props.label}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      maxLength={10}
      value={text}
      aria-invalid={bad}
      onInput={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        const iso = parseDmy(t);
        if (iso || t.trim() === '') props.onInvalid?.(null);
        if (iso) props.onChange(iso);
      }}
      onBlur={() => {
        if (bad) props.onInvalid?.(text);
      }}
    />
  );
}
