import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { RouteKey, RouteRes } from '../contract/routes.ts';

/**
 * `c.json` checked against the contract's route map (contract/routes.ts): a handler answering through it cannot
 * send a shape other than the one its route declares, the one the client is typed with.
 */
export function reply<K extends RouteKey>(c: Context, route: K, body: RouteRes<K>, status?: ContentfulStatusCode) {
  void route; // the key only selects the answer's type
  return c.json(body as object, status);
}
