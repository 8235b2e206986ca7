import { Hono } from 'hono';
import { AppError } from '../contract/errors.ts';
import { annotateInput, issueTicketInput } from '../contract/inputs.schema.ts';
import { annotateTicket } from '../core/tickets/tickets.usecases.ts';
import { issueForCitizen } from '../core/citizens/citizen.tickets.usecases.ts';
import { overridePinMatches } from '../core/citizens/override-pin.ts';
import type { PrintResult, PublicTicketDto, TicketDto } from '../contract/dto.ts';
import type { Actor, Ticket } from '../core/entities.ts';
import { seesStaffData } from '../core/tickets/ticket.public.ts';
import { requireActor, STAFF } from './auth.middleware.ts';
import type { AppEnv, Services } from './http.types.ts';
import { pathId, readBody } from './validation.ts';

export function ticketRoutes(s: Services) {
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    const actor = requireActor(c, { roles: ['supervisor', 'clerk', 'admin'], devices: ['kiosk'] });
    const { overridePin, ...input } = await readBody(c, issueTicketInput);
    const overrideAccepted = overridePin !== undefined && checkOverridePin(s, actor, overridePin);
    // Group commit: answered only after the shared COMMIT, exactly as durable as s.run (core/unit-of-work.group.ts).
    const { ticket, created } = await s.runGrouped((tx) =>
      issueForCitizen(tx, { ...input, actor, overrideAccepted, keyer: s.citizens.keyer }),
    );
    // Printing never fails or delays the ticket past the printer timeout; a retried key does not print twice.
    // The ticket is committed: a print job that cannot even be recorded (disk full) is a failed print, not a
    // failed ticket, so the citizen still gets the number on screen.
    const print =
      created && actor.kind === 'device'
        ? await s.printing.printNew(ticket.id, actor).catch((): PrintResult => ({
            status: 'failed',
            message: 'Không ghi được lệnh in (ổ đĩa máy chủ có vấn đề): vui lòng ghi lại số trên màn hình.',
          }))
        : undefined;
    // The committed ticket as the use case returned it (printing writes print jobs, never the ticket row).
    const dto = shown(s, actor, ticket);
    return c.json(
      { ...dto, ...(print ? { print } : dto.print ? {} : { print: { status: 'none' } }) },
      created ? 201 : 200,
    );
  });

  // Anyone holding the id may read the ticket: the public form unless a signed-in user asks (issue 11, defect 4).
  app.get('/:id', (c) => {
    const t = s.deps.store.tickets.get(pathId(c, 'id'));
    if (!t) throw new AppError('ticket.not_found');
    return c.json(shown(s, c.get('actor'), t));
  });

  /** Look up today's tickets by number (a clerk calling a citizen who shows a paper ticket). */
  app.get('/', (c) => {
    requireActor(c, { roles: STAFF });
    const number = (c.req.query('number') ?? '').trim();
    if (!/^\d{1,9}$/.test(number)) throw new AppError('request.invalid', 'Hãy nhập số thứ tự (chỉ gồm chữ số).');
    return c.json(s.deps.store.tickets.findByNumber(s.view.today(), number).map((t) => s.view.ticket(t)));
  });

  app.post('/:id/annotate', async (c) => {
    const actor = requireActor(c, { roles: STAFF });
    const input = await readBody(c, annotateInput);
    const t = s.deps.store.tickets.get(pathId(c, 'id'));
    if (!t) throw new AppError('ticket.not_found');
    requireHandledBy(s, t.counterId, actor);
    const updated = s.run((tx) => annotateTicket(tx, { ticket: t, ...input, actor }));
    return c.json({ ticket: s.view.ticket(updated) });
  });

  app.post('/:id/reprint', async (c) => {
    const actor = requireActor(c, { roles: STAFF, devices: ['kiosk'] });
    const t = s.deps.store.tickets.get(pathId(c, 'id'));
    if (!t) throw new AppError('ticket.not_found');
    const print = await s.printing.reprint(t.id, actor);
    return c.json({ ticket: shown(s, actor, s.deps.store.tickets.get(t.id)!), print });
  });

  return app;
}

/** Staff see a ticket whole (the clerk's note, the dossier code); kiosks and anyone else its public form. */
function shown(s: Services, actor: Actor | null | undefined, t: Ticket): TicketDto | PublicTicketDto {
  return seesStaffData(actor) ? s.view.ticket(t) : s.view.publicTicket(t);
}

/** A clerk annotates only tickets at the counter it holds; leaders may annotate any. */
function requireHandledBy(s: Services, counterId: string | null, actor: Actor): void {
  if (actor.kind === 'user' && actor.role !== 'clerk') return;
  const held = actor.kind === 'user' ? s.deps.store.catalog.counterOfClerk(actor.id) : undefined;
  if (!held || held.id !== counterId) throw new AppError('auth.forbidden');
}

/**
 * The staff override PIN a kiosk sent: a wrong one is refused (403) and counted per kiosk; past the limit that kiosk
 * waits (429), so nobody can try every 4-digit PIN at a kiosk while the others keep working.
 */
function checkOverridePin(s: Services, actor: Actor, pin: string): boolean {
  const wait = s.citizens.pinAttempts.waitMs(actor.id);
  if (wait > 0)
    throw new AppError('auth.too_many_attempts', 'Nhập sai mã xác nhận quá nhiều lần. Vui lòng thử lại sau ít phút.', {
      retryAfterSec: Math.ceil(wait / 1000),
    });
  if (overridePinMatches(s.deps.store, s.citizens.keyer, pin)) return true;
  s.citizens.pinAttempts.fail(actor.id);
  throw new AppError('citizen.override_denied');
}
