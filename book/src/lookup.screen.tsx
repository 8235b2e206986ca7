import { useState } from 'preact/hooks';
import { cleanCode } from './book.api.ts';

/** The code of an earlier booking, to see it again or cancel it. */
export function LookupScreen(p: { busy: boolean; onLookup: (code: string) => void }) {
  const [typed, setTyped] = useState('');
  const code = cleanCode(typed);
  return (
    <form
      class="b-lookup"
      data-screen="lookup"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.length >= 4 && !p.busy) p.onLookup(code);
      }}
    >
      <label class="b-field">
        <span class="b-field__label">Mã lịch hẹn (8 chữ và số)</span>
        <input
          class="b-input b-input--code"
          data-testid="code"
          autocomplete="off"
          autocapitalize="characters"
          maxLength={16}
          value={typed}
          onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
        />
      </label>
      <button
        type="submit"
        class="b-btn b-btn--primary"
        data-testid="lookup-submit"
        disabled={p.busy || code.length < 4}
      >
        {p.busy ? 'Đang tra cứu…' : 'Tra cứu'}
      </button>
    </form>
  );
}
