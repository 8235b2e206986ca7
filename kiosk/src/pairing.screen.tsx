import { useState } from 'preact/hooks';
import { Icon } from './kiosk.icons.tsx';
import { DigitPad, pressDigit } from './keyboard.panel.tsx';

export interface PairingProps {
  /** Why we are here, e.g. the stored token was refused. */
  message?: string | null;
  busy: boolean;
  error?: string | null;
  onPair: (code: string) => void;
}

/** For staff, once: type the 6-digit code an admin gave to make this screen a kiosk of the center. */
export function PairingScreen(p: PairingProps) {
  const [code, setCode] = useState('');
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
        <DigitPad disabled={p.busy} onKey={(k) => setCode((c) => pressDigit(c, k, 6))} />
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
