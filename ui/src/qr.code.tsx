import QRCode from 'qrcode';
import { useMemo } from 'preact/hooks';

/** Shared by the kiosk ticket and /book. The modules of a QR code as one SVG path (drawn in the browser, offline; no image request). */
export function qrPath(text: string): { size: number; d: string } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (data[y * size + x]) d += `M${x} ${y}h1v1h-1z`;
    }
  }
  return { size, d };
}

export function QrCode(props: { text: string; label?: string }) {
  const { size, d } = useMemo(() => qrPath(props.text), [props.text]);
  const quiet = 2; // white margin so a phone camera finds the code
  return (
    <svg
      class="qr"
      viewBox={`${-quiet} ${-quiet} ${size + 2 * quiet} ${size + 2 * quiet}`}
      role="img"
      aria-label={props.label ?? 'Mã QR'}
      shape-rendering="crispEdges"
      data-testid="qr"
      data-text={props.text}
    >
      <rect x={-quiet} y={-quiet} width={size + 2 * quiet} height={size + 2 * quiet} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
