/** While the first answer from the server is awaited (or the server is down at start-up). */
export function StartingScreen(props: { offline: boolean }) {
  return (
    <main class="starting">
      <div class="spinner" aria-hidden="true" />
      <p>{props.offline ? 'Chưa kết nối được máy chủ — đang thử lại…' : 'Đang kết nối máy chủ…'}</p>
    </main>
  );
}
