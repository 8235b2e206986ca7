import { useText } from './kiosk.i18n.ts';

/**
 * The idle warning, over any screen: the citizen sees how long before the kiosk goes back to its first screen,
 * and one touch anywhere (this box too) keeps what they chose.
 */
export function IdleCountdown(p: { secondsLeft: number | null }) {
  const { t } = useText();
  if (p.secondsLeft === null) return null;
  return (
    <div class="overlay overlay--idle" role="alert" data-testid="idle-countdown">
      <div class="overlay__box">
        <p class="overlay__title">{t('idleTitle')}</p>
        <p>
          {t('idleText')}{' '}
          <b class="idle__seconds" data-testid="idle-seconds">
            {p.secondsLeft}
          </b>{' '}
          {t('seconds')}
        </p>
        <button type="button" class="btn btn--primary" data-testid="stay">
          {t('stay')}
        </button>
      </div>
    </div>
  );
}
