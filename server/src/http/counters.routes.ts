import { Hono } from 'hono';
import { AppError } from '../contract/errors.ts';
import { callTicketInput, counterActionInput, transferInput } from '../contract/inputs.schema.ts';
import * as counters from '../core/counters/counters.usecases.ts';
import { requireActor, STAFF } from './auth.middleware.ts';
import type { AppEnv, Services } from './http.types.ts';
import { pathId, readBody } from './validation.ts';

/** The clerk's actions. Every one is a single transaction in core/counters. */
export function counterRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const who = (c: Parameters<typeof requireActor>[0]) => ({
    counterId: pathId(c, 'id'),
    actor: requireActor(c, { roles: STAFF }),
  });
  const counterDto = (id: string) => s.view.counter(s.deps.store.catalog.counter(id)!);
  const ticketDto = (id: string) => s.view.ticket(s.deps.store.tickets.get(id)!);

  app.post('/:id/open', (c) => {
    const a = who(c);
    const r = s.run((tx) => counters.openCounter(tx, a));
    return c.json({ counter: counterDto(r.id) });
  });
  // Every action on a ticket reads an optional body {expectedTicketId}: what the clerk saw (409 counter.stale_view).
  const view = async (c: Parameters<typeof requireActor>[0]) => ({
    ...who(c),
    ...(await readBody(c, counterActionInput, { optional: true })),
  });
  app.post('/:id/call-next', async (c) => {
    const a = await view(c);
    const t = s.run((tx) => counters.callNext(tx, a));
    return c.json({ ticket: t ? ticketDto(t.id) : null });
  });
  app.post('/:id/call', async (c) => {
    const a = who(c);
    const input = await readBody(c, callTicketInput);
    const t = s.run((tx) => counters.callSpecific(tx, { ...a, ...input }));
    return c.json({ ticket: ticketDto(t.id) });
  });
  app.post('/:id/recall', async (c) => {
    const a = await view(c);
    const t = s.run((tx) => counters.recall(tx, a));
    return c.json({ ticket: ticketDto(t.id) });
  });
  app.post('/:id/start', async (c) => {
    const a = await view(c);
    const t = s.run((tx) => counters.startServing(tx, a));
    return c.json({ ticket: ticketDto(t.id) });
  });
  app.post('/:id/no-show', async (c) => {
    const a = await view(c);
    const t = s.run((tx) => counters.finish(tx, a, 'no_show'));
    return c.json({ ticket: ticketDto(t.id) });
  });
  app.post('/:id/finish', async (c) => {
    const a = await view(c);
    const t = s.run((tx) => counters.finish(tx, a, 'done'));
    return c.json({ ticket: ticketDto(t.id) });
  });
  app.post('/:id/transfer', async (c) => {
    const a = who(c);
    const { counterId, ...input } = await readBody(c, transferInput);
    const r = s.run((tx) => counters.transfer(tx, { ...a, ...input, toCounterId: counterId }));
    return c.json({ ticket: ticketDto(r.ticket.id), ...(r.warning ? { warning: r.warning } : {}) });
  });
  app.post('/:id/pause', (c) => {
    const a = who(c);
    const r = s.run((tx) => counters.setPaused(tx, a, true));
    return c.json({ counter: counterDto(r.id) });
  });
  app.post('/:id/resume', (c) => {
    const a = who(c);
    const r = s.run((tx) => counters.setPaused(tx, a, false));
    return c.json({ counter: counterDto(r.id) });
  });
  app.post('/:id/close', (c) => {
    const a = who(c);
    const r = s.run((tx) => counters.closeCounter(tx, a));
    return c.json({ counter: counterDto(r.id) });
  });

  /** What the clerk's console lists: the waiting queue of this counter, today's no-shows, the clerk's tally. */
  app.get('/:id/queue', (c) => {
    requireActor(c, { roles: STAFF });
    const queue = s.view.counterQueue(pathId(c, 'id'));
    if (!queue) throw new AppError('counter.not_found');
    return c.json(queue);
  });

  return app;
}
