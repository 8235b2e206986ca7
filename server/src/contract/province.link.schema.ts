import { z } from 'zod';

/**
 * PUT /api/province/link (admin): where this center's province hub is and the token its admin made for the center.
 * An empty string clears a field, an absent one keeps it; the token is write-only (answers say `tokenSet`).
 */
export const provinceLinkInput = z
  .object({
    url: z.string().trim().max(500).optional(),
    token: z.string().trim().max(500).optional(),
  })
  .strict();
