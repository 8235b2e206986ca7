import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.testing.ts';

/** What /book and the kiosk read of the booking settings (PublicConfigDto.booking); never the staff PIN. */
describe('GET /api/config/public: booking', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it("publishes the contract's defaults, then the center's settings, and never the override PIN", async () => {
    expect((await t.call('GET', '/api/config/public')).body.booking).toEqual({
      enabled: false,
      remoteTickets: false,
      daysAhead: 6,
      slotMinutes: 30,
      checkInEarlyMinutes: 30,
      checkInLateMinutes: 15,
      requireCardAtKiosk: false,
      perDay: 2,
      perAreaPerDay: 1,
    });
    const patch = {
      booking: { enabled: true, checkInEarlyMinutes: 20 },
      citizenLimits: { requireCardAtKiosk: true, overridePin: '97531' },
    };
    expect((await t.call('PATCH', '/api/settings', patch, t.adminToken)).status).toBe(200);
    const r = await t.call('GET', '/api/config/public');
    expect(r.body.booking).toMatchObject({ enabled: true, checkInEarlyMinutes: 20, requireCardAtKiosk: true });
    expect(JSON.stringify(r.body)).not.toContain('97531');
    expect(JSON.stringify(r.body)).not.toMatch(/overridePin/i);
  });
});
