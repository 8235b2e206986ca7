import { useState } from 'preact/hooks';
import { PRIVACY_EN, PRIVACY_LINES, PRIVACY_TITLE } from '@ui/privacy.notice';
import { useText } from './kiosk.i18n.ts';
import { Icon } from './kiosk.icons.tsx';
import { DigitPad, pressDigit } from './keyboard.panel.tsx';

export function PrivacyBox() {
  const { lang } = useText();
  return (
    <aside class="privacy" data-testid="privacy">
      <h2>{PRIVACY_TITLE}</h2>
      {lang === 'en' ? (
        <p>{PRIVACY_EN}</p>
      ) : (
        <ul>
          {PRIVACY_LINES.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </aside>
  );
}

export interface CardProps {
  disabled: boolean;
  onId: (citizenId: string) => void;
  onOverride: (pin: string) => void;
}

/**
 * The center asks for the ID card before a number (citizenLimits.requireCardAtKiosk): the scanner reads its QR on
 * any screen (the session listens); here the number can be typed instead, and staff can issue for someone without
 * a card with their PIN (the PIN shows as dots).
 */
export function CardScreen(p: CardProps) {
  const { t } = useText();
  const [staff, setStaff] = useState(false);
  const [id, setId] = useState('');
  const [pin, setPin] = useState('');
  if (staff) {
    return (
      <div class="card-step" data-testid="override">
        <p class="card-step__lead">{t('overrideLead')}</p>
        <div class="card-step__digits" data-testid="pin" aria-label="PIN">
          {'•'.repeat(pin.length) || ' '}
        </div>
        <DigitPad disabled={p.disabled} onKey={(k) => setPin((v) => pressDigit(v, k, 12))} />
        <div class="card-step__row">
          <button type="button" class="btn btn--nav" disabled={p.disabled} onClick={() => setStaff(false)}>
            {t('back')}
          </button>
          <button
            type="button"
            class="btn btn--primary"
            data-testid="override-ok"
            disabled={p.disabled || pin.length < 4}
            onClick={() => p.onOverride(pin)}
          >
            {t('overrideOk')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="card-step" data-testid="card-step">
      <p class="card-step__scan">
        <Icon name="alert" /> {t('cardScan')}
      </p>
      <p class="card-step__lead">{t('cardType')}</p>
      <div class="card-step__digits" data-testid="typed-id">
        {id.padEnd(12, '·')}
      </div>
      <DigitPad disabled={p.disabled} onKey={(k) => setId((v) => pressDigit(v, k, 12))} />
      <div class="card-step__row">
        <button
          type="button"
          class="btn btn--nav"
          data-testid="staff-help"
          disabled={p.disabled}
          onClick={() => setStaff(true)}
        >
          {t('staffHelp')}
        </button>
        <button
          type="button"
          class="btn btn--primary"
          data-testid="id-ok"
          disabled={p.disabled || id.length !== 12}
          onClick={() => p.onId(id)}
        >
          {t('takeButton')}
        </button>
      </div>
      <PrivacyBox />
    </div>
  );
}
