import { AreasScreen } from './areas.screen.tsx';
import { CardScreen } from './card.screen.tsx';
import { HomeScreen } from './home.screen.tsx';
import { useText } from './kiosk.i18n.ts';
import type { IssueChoice, IssueExtra } from './kiosk.issue.ts';
import { KioskFrame } from './kiosk.layout.tsx';
import { areasOf, canTap, departmentsWithAreas, type KioskAction, type KioskState } from './kiosk.state.ts';
import { PriorityScreen } from './priority.screen.tsx';
import { SearchScreen } from './search.screen.tsx';
import { TakeScreen } from './take.screen.tsx';
import { TicketScreen } from './ticket.screen.tsx';

export interface KioskBodyProps {
  s: KioskState & { config: NonNullable<KioskState['config']> };
  dispatch: (a: KioskAction) => void;
  clockOffset: number;
  printerWarning: string | null;
  counters: { number: number; areaIds: string[] }[];
  idleSeconds: number;
  issue: (c: IssueChoice, extra?: IssueExtra) => void;
}

/** The choice on screen now (the take step's), as the issue hook takes it. */
export function currentChoice(s: KioskState): IssueChoice | null {
  return s.areaId
    ? {
        areaId: s.areaId,
        procedureId: s.procedure?.id ?? null,
        priority: !!s.priorityGroup,
        priorityGroup: s.priorityGroup,
      }
    : null;
}

/** The screen of the current step inside the kiosk frame (header, title, Back / Home). */
export function KioskBody(p: KioskBodyProps) {
  const { s, dispatch } = p;
  const { t } = useText();
  const lookup = s.mode === 'lookup';
  const disabled = !canTap(s);
  const home = () => dispatch({ type: 'home' });
  const back = () => dispatch({ type: 'back' });
  const frame = {
    centerName: s.config.centerName,
    timeZone: s.config.timeZone,
    clockOffsetMs: p.clockOffset,
    connection: s.connection,
    onBack: back,
    onHome: home,
    navDisabled: s.issuing,
    large: s.large,
    cardRead: !!s.citizen && s.screen !== 'ticket',
    onLarge: (large: boolean) => dispatch({ type: 'large', large }),
    onLang: () => dispatch({ type: 'lang', lang: s.lang === 'vi' ? 'en' : 'vi' }),
  };
  const area = s.areas.find((a) => a.id === s.areaId) ?? null;
  const dept = s.departments.find((d) => d.id === s.departmentId);
  const take = () => {
    const c = currentChoice(s);
    if (c) p.issue(c);
  };

  switch (s.screen) {
    case 'home': {
      const first = s.history.length === 0;
      return (
        <KioskFrame
          {...frame}
          onBack={first ? undefined : back}
          onHome={first && !s.citizen ? undefined : home}
          screen="home"
          title={lookup ? t('lookupTitle') : `${t('welcome')} ${s.config.centerName}`}
        >
          <HomeScreen
            departments={departmentsWithAreas(s)}
            areas={s.areas}
            disabled={disabled}
            lookup={lookup}
            priorityGroup={s.priorityGroup}
            notice={s.config.notice}
            printerWarning={p.printerWarning}
            offline={s.connection === 'offline'}
            onSearch={() => dispatch({ type: 'search' })}
            onPriority={() => dispatch({ type: 'priorityEntry' })}
            onDepartment={(id) => dispatch({ type: 'department', departmentId: id })}
          />
        </KioskFrame>
      );
    }
    case 'areas':
      return (
        <KioskFrame {...frame} screen="areas" title={t('chooseArea')} subtitle={dept?.name}>
          <AreasScreen
            areas={areasOf(s, s.departmentId)}
            disabled={disabled}
            onChoose={(id) => dispatch({ type: 'area', areaId: id })}
          />
        </KioskFrame>
      );
    case 'search':
      return (
        <KioskFrame {...frame} screen="search" title={t('searchTitle')} subtitle={t('searchSub')}>
          <SearchScreen
            areas={s.areas}
            query={s.query}
            results={s.results}
            disabled={disabled}
            onQuery={(q) => dispatch({ type: 'query', query: q })}
            onProcedure={(procedure) => dispatch({ type: 'procedure', procedure })}
            onArea={(id) => dispatch({ type: 'area', areaId: id })}
          />
        </KioskFrame>
      );
    case 'priority':
      return (
        <KioskFrame {...frame} screen="priority" title={t('priorityTitle')} subtitle={t('prioritySub')}>
          <PriorityScreen
            groups={s.config.priorityGroups ?? []}
            disabled={disabled}
            onChoose={(group) => dispatch({ type: 'priorityGroup', group })}
          />
        </KioskFrame>
      );
    case 'take':
      return (
        <KioskFrame {...frame} screen="take" title={lookup ? t('lookupTitle') : t('takeTitle')}>
          <TakeScreen
            area={area}
            procedure={s.procedure}
            priorityGroup={s.priorityGroup}
            lookup={lookup}
            counters={p.counters.filter((c) => s.areaId && c.areaIds.includes(s.areaId)).map((c) => c.number)}
            disabled={disabled}
            onTake={take}
          />
        </KioskFrame>
      );
    case 'card':
      return (
        <KioskFrame {...frame} screen="card" title={t('cardTitle')} subtitle={t('cardSub')}>
          <CardScreen
            disabled={disabled}
            onId={(citizenId) => {
              const c = currentChoice(s);
              if (c) p.issue(c, { citizen: { citizenId } });
            }}
            onOverride={(pin) => {
              const c = currentChoice(s);
              if (c) p.issue(c, { overridePin: pin });
            }}
          />
        </KioskFrame>
      );
    case 'ticket':
      // The ticket screen carries its own Back / Done (with the countdown) instead of the bottom bar, to keep everything in view.
      return (
        s.ticket && (
          <KioskFrame {...frame} onBack={undefined} onHome={undefined} screen="ticket">
            <TicketScreen
              ticket={s.ticket}
              timeZone={s.config.timeZone}
              instruction={s.config.ticketInstruction}
              thanks={s.config.ticketThanks}
              autoReturnSeconds={Math.max(p.idleSeconds, 20)}
              onDone={home}
              onBack={back}
            />
          </KioskFrame>
        )
      );
  }
}
