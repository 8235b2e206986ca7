import { useText } from './kiosk.i18n.ts';
import { Icon } from './kiosk.icons.tsx';

const ROWS = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

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
            <button
              type="button"
              key={ch}
              class="key"
              disabled={p.disabled}
              data-key={ch}
              onClick={() => type(ch.toLowerCase())}
            >
              {ch}
            </button>
          ))}
        </div>
      ))}
      <div class="keyboard__row">
        <button
          type="button"
          class="key key--wide"
          disabled={p.disabled || !p.value}
          data-key="clear"
          onClick={() => p.onChange('')}
        >
          {t('clear')}
        </button>
        <button type="button" class="key key--space" disabled={p.disabled} data-key="space" onClick={() => type(' ')}>
          {t('space')}
        </button>
        <button
          type="button"
          class="key key--wide"
          disabled={p.disabled || !p.value}
          data-key="backspace"
          aria-label="Xoá một chữ"
          onClick={() => p.onChange(p.value.slice(0, -1))}
        >
          <Icon name="backspace" />
        </button>
      </div>
    </div>
  );
}
