/** The scrolling notice line at the bottom of a screen; its speed stays readable whatever the length. */
export function NoticeTicker(props: { text: string }) {
  const text = props.text.trim();
  // ~7 characters a second reads comfortably from across a hall.
  const seconds = Math.max(18, Math.round(text.length / 7) + 10);
  return (
    <div class="ticker" aria-label="Thông báo">
      <div class="ticker-track" style={{ animationDuration: `${seconds}s` }}>
        <span>{text}</span>
      </div>
    </div>
  );
}
