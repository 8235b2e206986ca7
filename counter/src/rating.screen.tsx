import type { CounterDto, PublicConfigDto } from '@contract/dto';
import { Face, levelColor, moodOf } from './rating.faces.tsx';
import type { PadEvent, PadState } from './rating.state.ts';
import { useNow } from './current.panel.tsx';
import { DEFAULT_TIME_ZONE, formatDate, formatTime } from '@ui/time.format';
import { counterShortName, counterTitle } from './format.ts';

export interface RatingViewProps {
  state: PadState;
  config: PublicConfigDto | null;
  counter: CounterDto | null;
  dispatch: (e: PadEvent) => void;
}

/** What the citizen sees: idle, the question with big faces, reasons, thanks, a polite message. */
export function RatingView({ state, config, counter, dispatch }: RatingViewProps) {
  const levels = config?.ratingLevels ?? [];
  const reasonLevels = config?.ratingReasonLevels ?? [];
  const header = (
    <header class="pad-header">
      <div class="pad-center">{config?.centerName ?? ''}</div>
      {counter && <div class="pad-counter">{counterTitle(counter)}</div>}
    </header>
  );

  if (state.phase === 'idle') return <IdleView config={config} counter={counter} />;

  if (state.phase === 'thanks' || state.phase === 'sending') {
    return (
      <div class="pad pad-thanks">
        {header}
        <div class="pad-body">
          {state.phase === 'thanks' ? (
            <>
              <div class="thanks-heart" aria-hidden="true">
                ♥
              </div>
              <h1>Cảm ơn Quý khách!</h1>
              <p>Ý kiến của Quý khách giúp chúng tôi phục vụ tốt hơn.</p>
            </>
          ) : (
            <h1 class="muted-on-dark">Đang gửi đánh giá…</h1>
          )}
        </div>
      </div>
    );
  }

  if (state.phase === 'message') {
    return (
      <div class="pad pad-message">
        {header}
        <div class="pad-body">
          <h1>{state.text}</h1>
          <p>Xin cảm ơn Quý khách.</p>
        </div>
      </div>
    );
  }

  const picked = state.phase === 'reasons' ? state.level : null;
  return (
    <div class="pad pad-ask">
      {header}
      <div class="pad-body">
        <h1 class="pad-question">Quý khách vui lòng đánh giá mức độ hài lòng</h1>
        <div class="pad-ticket">
          Số thứ tự <b data-testid="pad-number">{state.ticket.number}</b>
          {state.clerkName && (
            <>
              {' '}
              · Cán bộ tiếp nhận: <b>{state.clerkName}</b>
            </>
          )}
        </div>
        <div class={`pad-levels n${levels.length} ${state.phase === 'reasons' ? 'compact' : ''}`}>
          {levels.map((l, i) => (
            <button
              key={l.key}
              class={`level ${picked === l.key ? 'picked' : ''} ${picked && picked !== l.key ? 'dim' : ''}`}
              data-level={l.key}
              style={{ background: levelColor(i, levels.length) }}
              onClick={() => dispatch({ type: 'pick', level: l.key, askReasons: reasonLevels.includes(l.key) })}
            >
              <Face mood={moodOf(i, levels.length)} size={state.phase === 'reasons' ? 64 : 132} />
              <span class="level-label">{l.label}</span>
              <span class="level-key">{i + 1}</span>
            </button>
          ))}
        </div>
        {state.phase === 'reasons' && (
          <div class="pad-reasons">
            <h2>
              Quý khách chưa hài lòng về điều gì? <span>(chọn một hoặc nhiều)</span>
            </h2>
            <div class="reason-grid">
              {(config?.ratingReasons ?? []).map((r, i) => (
                <button
                  key={r}
                  class={`reason ${state.reasons.includes(r) ? 'on' : ''}`}
                  aria-pressed={state.reasons.includes(r)}
                  onClick={() => dispatch({ type: 'toggleReason', reason: r })}
                >
                  <span class="reason-check">{state.reasons.includes(r) ? '✓' : i + 1}</span>
                  {r}
                </button>
              ))}
            </div>
            <textarea
              placeholder="Góp ý thêm (không bắt buộc)"
              maxLength={500}
              value={state.comment}
              onInput={(e) => dispatch({ type: 'comment', text: e.currentTarget.value })}
            />
            <button class="send" onClick={() => dispatch({ type: 'submit' })}>
              Gửi đánh giá <span class="level-key">Enter</span>
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

function IdleView({ config, counter }: { config: PublicConfigDto | null; counter: CounterDto | null }) {
  const now = useNow(10_000);
  const tz = config?.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <div class="pad pad-idle">
      <div class="idle-center">{config?.centerName ?? 'Trung tâm Phục vụ hành chính công'}</div>
      <div class="idle-counter" data-testid="pad-idle">
        {counter ? (
          <>
            QUẦY <b>{counter.number}</b>
          </>
        ) : (
          'Thiết bị đánh giá'
        )}
      </div>
      {counter && <div class="idle-name">{counterShortName(counter)}</div>}
      <div class="idle-hello">Kính chào Quý khách</div>
      <div class="idle-time">
        {formatTime(now, tz)} · {formatDate(now, tz)}
      </div>
    </div>
  );
}
