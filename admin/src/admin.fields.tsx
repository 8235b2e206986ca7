import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatDay } from '@ui/time.format';
import { parseDmy } from './admin.format.ts';

/** One labelled form field with its error under it. */
export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: string;
  wide?: boolean;
  children: ComponentChildren;
}) {
  return (
    <label class={`field ${props.wide ? 'wide' : ''} ${props.error ? 'has-error' : ''}`}>
      <span class="field-label">{props.label}</span>
      {props.children}
      {props.hint && !props.error && <span class="field-hint">{props.hint}</span>}
      {props.error && (
        <span class="field-error" role="alert">
          {props.error}
        </span>
      )}
    </label>
  );
}

/** The outcome of the last action: green when saved, red with the server's words when not. */
export function Notice(props: { kind: 'ok' | 'error' | 'info'; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

export function Section(props: {
  title: string;
  actions?: ComponentChildren;
  children: ComponentChildren;
  id?: string;
}) {
  return (
    <section class="card" id={props.id}>
      <header class="card-head">
        <h2>{props.title}</h2>
        {props.actions && <div class="card-actions">{props.actions}</div>}
      </header>
      {props.children}
    </section>
  );
}

/** Numbers typed in inputs: an empty box is null, anything else must be an integer. */
export function intOrNull(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  return /^-?\d+$/.test(t) ? Number(t) : NaN;
}

/** Saves a Blob under a name (CSV, XLSX, JSON exports). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
