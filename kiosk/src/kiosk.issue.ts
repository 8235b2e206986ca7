import { useCallback, useRef, type Dispatch, type MutableRef } from 'preact/hooks';
import type { ApiClient } from '@client/api.client';
import type { TicketDto } from '@contract/dto';
import { DEFAULT_TIME_ZONE } from '@ui/time.format';
import { printInBrowser } from './browser.print.ts';
import { citizenErrorMessage } from './citizen.words.ts';
import { isTransient, issueErrorMessage, issueWithRetry, newIdempotencyKey } from './issue.flow.ts';
import { canTap, type KioskAction, type KioskCitizen, type KioskState } from './kiosk.state.ts';

export const TOKEN_REFUSED =
  'Ki-ốt chưa được ghép nối hoặc mã thiết bị đã bị thu hồi. Vui lòng nhập mã ghép nối mới do quản trị viên cấp.';

const is401 = (e: unknown) => (e as { status?: number })?.status === 401;
const codeOf = (e: unknown) => (e as { code?: string })?.code;

export interface IssueChoice {
  areaId: string;
  procedureId: string | null;
  priority: boolean;
  priorityGroup: string | null;
}

/** The card scanned on the card step or the number typed there; the staff PIN for someone without a card. */
export interface IssueExtra {
  citizen?: KioskCitizen;
  overridePin?: string;
}

/**
 * Taking a number (a choice, with the card read if any) and checking in a booking (its code): one request at a
 * time, the same idempotency key for every retry of one tap, the print followed up, and the refusals in words.
 */
export function useKioskIssue(p: {
  api: ApiClient;
  state: MutableRef<KioskState>;
  dispatch: Dispatch<KioskAction>;
  printer: MutableRef<string | null>;
  onUnauthorized: (message: string) => void;
  reloadAreas: () => void;
}) {
  const { api, state, dispatch, onUnauthorized, reloadAreas } = p;
  const busy = useRef(false);

  const followPrint = useCallback(
    (t: TicketDto) => {
      if (p.printer.current === 'browser') {
        void printInBrowser(t.id).then((ok) => {
          if (state.current.ticket?.id !== t.id) return;
          const print = ok
            ? { status: 'printed' as const }
            : { status: 'failed' as const, message: 'Không in được phiếu. Số của bạn vẫn hợp lệ.' };
          dispatch({ type: 'issued', ticket: { ...state.current.ticket, print } });
        });
        return;
      }
      // A queued print (print agent) gets its final status within the printer timeout: look once more.
      if (t.print?.status !== 'queued') return;
      setTimeout(async () => {
        try {
          const fresh = await api.ticket(t.id);
          if (fresh.print && state.current.ticket?.id === t.id)
            dispatch({ type: 'issued', ticket: { ...state.current.ticket, print: fresh.print } });
        } catch {
          /* the ticket stays valid; the message already says so */
        }
      }, 4000);
    },
    [api],
  );

  const context = () => {
    const cfg = state.current.config;
    return {
      timeZone: cfg?.timeZone ?? DEFAULT_TIME_ZONE,
      earlyMinutes: cfg?.booking?.checkInEarlyMinutes,
      lateMinutes: cfg?.booking?.checkInLateMinutes,
      perDay: cfg?.booking?.perDay,
      perAreaPerDay: cfg?.booking?.perAreaPerDay,
    };
  };

  /** Runs one request with the screen locked; a refused token goes back to pairing. */
  const run = async (work: () => Promise<void>, failed: (e: unknown) => Promise<void> | void) => {
    busy.current = true;
    try {
      await work();
    } catch (e) {
      if (is401(e)) onUnauthorized(TOKEN_REFUSED);
      else await failed(e);
    } finally {
      busy.current = false;
    }
  };

  const issue = useCallback(
    async (c: IssueChoice, extra: IssueExtra = {}) => {
      const s = state.current;
      const citizen = extra.citizen ?? s.citizen;
      const overridePin = extra.overridePin;
      // The ref, not the state: two taps in one frame both see the old state. A look-up kiosk issues nothing.
      if (busy.current || !canTap(s) || s.mode === 'lookup') return;
      // The center wants the card first: ask for it (the choice stays; the scan or the typed number issues).
      if (s.config?.booking?.requireCardAtKiosk && !citizen && !overridePin) {
        dispatch({ type: 'card' });
        return;
      }
      const prev = s.pending;
      const same =
        prev &&
        prev.areaId === c.areaId &&
        (prev.procedureId ?? null) === c.procedureId &&
        prev.priority === c.priority &&
        prev.priorityGroup === c.priorityGroup;
      const pending = { key: same ? prev.key : newIdempotencyKey(), ...c };
      dispatch({ type: 'issuing', pending });
      await run(
        async () => {
          const ticket = await issueWithRetry((i) => api.issueTicket(i), {
            areaId: c.areaId,
            ...(c.procedureId ? { procedureId: c.procedureId } : {}),
            priority: c.priority,
            priorityGroup: c.priorityGroup,
            idempotencyKey: pending.key,
            ...(citizen ?? {}),
            ...(overridePin ? { overridePin } : {}),
          });
          dispatch({ type: 'issued', ticket });
          followPrint(ticket);
          reloadAreas();
        },
        (e) => {
          if (codeOf(e) === 'citizen.card_required') {
            dispatch({ type: 'issueFailed', message: '', keepPending: true });
            dispatch({ type: 'card' });
            return;
          }
          const words = citizenErrorMessage(e, context());
          dispatch({
            type: 'issueFailed',
            message: words ?? issueErrorMessage(e),
            keepPending: isTransient(e) || codeOf(e) === 'citizen.override_denied',
            // A refused card is not kept for the next try (nor for the next citizen).
            forgetCitizen: codeOf(e) === 'citizen.limit_reached' || codeOf(e) === 'citizen.invalid_id',
          });
          if (!isTransient(e)) reloadAreas(); // e.g. the area just closed: show it greyed
        },
      );
    },
    [api, followPrint, onUnauthorized, reloadAreas],
  );

  /** A booking's code from the scanner: the same code again gives the same ticket, so a retry is always safe. */
  const checkIn = useCallback(
    async (code: string) => {
      const s = state.current;
      if (busy.current || !canTap(s) || s.mode === 'lookup') return;
      dispatch({ type: 'issuing', pending: null });
      await run(
        async () => {
          const ticket = await issueWithRetry((i) => api.issueTicket(i), { bookingCode: code });
          dispatch({ type: 'issued', ticket });
          followPrint(ticket);
          reloadAreas();
        },
        async (e) => {
          let start: string | null = null;
          if (codeOf(e) === 'booking.too_early') {
            const b = await api
              .request<{ start: string }>('GET', `/public/bookings/${encodeURIComponent(code)}`)
              .catch(() => null);
            start = b?.start ?? null;
          }
          const words = citizenErrorMessage(e, { ...context(), start });
          dispatch({ type: 'issueFailed', message: words ?? issueErrorMessage(e), keepPending: false });
        },
      );
    },
    [api, followPrint, onUnauthorized, reloadAreas],
  );

  return { issue, checkIn };
}
