import { PRIVACY_LINES, PRIVACY_TITLE } from '@ui/privacy.notice';

/** The notice where the ID number is asked for: short, always visible, not behind a link. */
export function PrivacyNotice() {
  return (
    <aside class="b-privacy" data-testid="privacy">
      <h3 class="b-privacy__title">{PRIVACY_TITLE}</h3>
      <ul>
        {PRIVACY_LINES.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </aside>
  );
}
