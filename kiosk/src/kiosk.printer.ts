import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '@client/api.client';

type PrinterState = { online: boolean | null; paper: string; lastError: string | null };

/** A sentence for the citizen when this kiosk's printer is in trouble; null when it is fine or unknown. */
export function printerProblem(st: PrinterState | undefined): string | null {
  if (!st) return null;
  if (st.paper === 'out') return 'Máy in đã hết giấy. Số thứ tự vẫn được cấp và hiển thị trên màn hình.';
  if (st.online === false) return 'Máy in đang gặp sự cố. Số thứ tự vẫn được cấp và hiển thị trên màn hình.';
  return null;
}

/** The printer's state (from the server's DLE EOT probe and the last job), looked at every minute for the first screen. */
export function usePrinterWarning(api: Pick<ApiClient, 'request'>): string | null {
  const [warning, setWarning] = useState<string | null>(null);
  useEffect(() => {
    const check = async () => {
      try {
        const list = await api.request<PrinterState[]>('GET', '/printers');
        setWarning(printerProblem(list[0]));
      } catch {
        /* no printer or offline: the connection banner already says so */
      }
    };
    void check();
    const t = setInterval(() => void check(), 60_000);
    return () => clearInterval(t);
  }, [api]);
  return warning;
}
