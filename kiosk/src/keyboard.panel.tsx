import type { ComponentChildren } from 'preact';
import { useText } from './kiosk.i18n.ts';
import { Icon } from './kiosk.icons.tsx';

const ROWS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

/** One big key of the on-screen keyboards; `data-key` names it. */
function Key(p: {
  k: string;
  class?: string;
  disabled?: boolean | undefined;
  label?: string;
  onPress: () => void;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class={p.class ? `key ${p.class}` : 'key'}
      disabled={p.disabled}
      data-key={p.k}
      aria-label={p.label}
      onClick={p.onPress}
    >
      {p.children}
    </button>
  );
}

/**
 * An on-screen A–Z keyboard: Vietnamese is typed without diacritics and the search ignores them
 * ("dat dai" finds "Đất đai"), which spares first-timers the Telex/VNI rules.
 */
export function KeyboardPanel(p: { value: string; disabled?: boolean; onChange: (value: string) => void }) {
  const { t } = useText();
  const type = (ch: string) => p.onChange((p.value + ch).slice(0, 40));
  return (
    <div class="keyboard" role="group" aria-label="Bàn phím">
      {ROWS.map((row) => (
        <div class="keyboard__row" key={row}>
          {[...row].map((ch) => (
            <Key key={ch} k={ch} disabled={p.disabled} onPress={() => type(ch.toLowerCase())}>
              {ch}
            </Key>
          ))}
        </div>
      ))}
      <div class="keyboard__row">
        <Key k="clear" class="key--wide" disabled={p.disabled || !p.value} onPress={() => p.onChange('')}>
          {t('clear')}
        </Key>
        <Key k="space" class="key--space" disabled={p.disabled} onPress={() => type(' ')}>
          {t('space')}
        </Key>
        <Key
          k="backspace"
          class="key--wide"
          disabled={p.disabled || !p.value}
          label="Xoá một chữ"
          onPress={() => p.onChange(p.value.slice(0, -1))}
        >
          <Icon name="backspace" />
        </Key>
      </div>
    </div>
  );
}

const DIGIT_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;
export type DigitKey = (typeof DIGIT_KEYS)[number];

/** What a digit key does to the digits typed so far: clears them, takes the last one back, or adds one (up to max). */
export function pressDigit(value: string, k: DigitKey, max: number): string {
  if (k === 'clear') return '';
  if (k === 'back') return value.slice(0, -1);
  return value.length < max ? value + k : value;
}

/**
 * Digits on big keys (the kiosk has no keyboard): the ID number, the staff PIN, the pairing code. It tells the key;
 * the screen applies it with pressDigit to its latest value, so quick presses are not lost between renders.
 */
export function DigitPad(p: { disabled: boolean; onKey: (k: DigitKey) => void }) {
  return (
    <div class="keypad">
      {DIGIT_KEYS.map((k) => (
        <Key
          key={k}
          k={k}
          class="key--pad"
          disabled={p.disabled}
          label={k === 'clear' ? 'Xoá hết' : k === 'back' ? 'Xoá một số' : k}
          onPress={() => p.onKey(k)}
        >
          {k === 'clear' ? 'Xoá' : k === 'back' ? <Icon name="backspace" /> : k}
        </Key>
      ))}
    </div>
  );
}
