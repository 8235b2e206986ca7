/** Over the current screen: "taking your number…" while in flight, or what went wrong with a way forward. */
export function IssueOverlay(p: {
  issuing: boolean;
  error: string | null;
  canRetry: boolean;
  disabled: boolean;
  onRetry: () => void;
  onClose: () => void;
}) {
  if (p.issuing) {
    return (
      <div class="overlay" role="status" data-testid="issuing">
        <div class="overlay__box">
          <div class="spinner" aria-hidden="true" />
          <p class="overlay__title">Đang lấy số thứ tự…</p>
          <p>Vui lòng chờ trong giây lát</p>
        </div>
      </div>
    );
  }
  if (!p.error) return null;
  return (
    <div class="overlay" role="alertdialog" data-testid="issue-error">
      <div class="overlay__box overlay__box--error">
        <p class="overlay__title">Chưa lấy được số</p>
        <p class="overlay__message">{p.error}</p>
        <div class="overlay__actions">
          {p.canRetry && (
            <button
              type="button"
              class="btn btn--primary"
              disabled={p.disabled}
              onClick={p.onRetry}
              data-testid="retry"
            >
              Thử lại
            </button>
          )}
          <button type="button" class="btn btn--secondary" onClick={p.onClose} data-testid="close-error">
            Đóng
          </button>
        </div>
      </div>
    </div>
  );
}
