import { useState } from 'preact/hooks';
import { Icon } from './kiosk.icons.tsx';

export interface PairingProps {
  /** Why we are here, e.g. the stored token was refused. */
  message?: string | null;
  busy: boolean;
  error?: string | null;
  onPair: (code: string) => void;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/** For staff, once: type the 6-digit code an admin gave to make this screen a kiosk of the center. */
export function PairingScreen(p: PairingProps) {
  const [code, setCode] = useState('');
  const press = (k: (typeof KEYS)[number]) => {
    if (k === 'clear') setCode('');
    else if (k === 'back') setCode((c) => c.slice(0, -1));
    else setCode((c) => (c.length < 6 ? c + k : c));
  };
  return (
    <div class="pairing" data-screen="pairing">
      <div class="pairing__panel">
        <h1>Ghép nối ki-ốt</h1>
        <p class="pairing__lead">
          Dành cho cán bộ kỹ thuật: nhập mã ghép nối 6 chữ số do quản trị viên cấp (trang Quản trị → Thiết bị).
        </p>
        {p.message && (
          <p class="pairing__message" role="alert" data-testid="pairing-message">
            <Icon name="alert" />
            {p.message}
          </p>
        )}
        <div class="pairing__code" data-testid="pairing-code" aria-label="Mã ghép nối">
          {Array.from({ length: 6 }, (_, i) => (
            <span class={i === code.length ? 'digit digit--next' : 'digit'} key={i}>
              {code[i] ?? ''}
            </span>
          ))}
        </div>
        {p.error && (
          <p class="pairing__error" role="alert" data-testid="pairing-error">
            {p.error}
          </p>
        )}
        <div class="keypad">
          {KEYS.map((k) => (
            <button
              type="button"
              key={k}
              class="key key--pad"
              disabled={p.busy}
              data-key={k}
              onClick={() => press(k)}
              aria-label={k === 'clear' ? 'Xoá hết' : k === 'back' ? 'Xoá một số' : k}
            >
              {k === 'clear' ? 'Xoá' : k === 'back' ? <Icon name="backspace" /> : k}
            </button>
          ))}
        </div>
        <button
          type="button"
          class="btn btn--primary btn--pair"
          disabled={p.busy || code.length !== 6}
          data-testid="pair"
          onClick={() => p.onPair(code)}
        >
          {p.busy ? 'Đang ghép nối…' : 'Ghép nối'}
        </button>
      </div>
    </div>
  );
}
