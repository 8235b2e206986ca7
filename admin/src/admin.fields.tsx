import type { ComponentChildren } from 'preact';

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

/** A labelled drop-down of fixed choices: each option's value and the words it shows, in order. */
export function Choice<V extends string>(props: {
  label: string;
  value: V;
  options: [V, string][];
  onChange: (value: V) => void;
}) {
  return (
    <Field label={props.label}>
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as V)}>
        {props.options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A form's two buttons: save it (the form's submit, held while `busy`) or leave it unchanged. */
export function FormActions(props: { save: string; busy?: boolean; onCancel: () => void }) {
  return (
    <div class="form-actions">
      <button class="btn btn-primary" type="submit" disabled={props.busy}>
        {props.save}
      </button>
      <button class="btn btn-ghost" type="button" onClick={props.onCancel}>
        Huỷ
      </button>
    </div>
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
