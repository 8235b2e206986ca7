import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDeviceInput, createUserInput, departmentInput } from '@contract/inputs.schema';
import { centerSettingsSchema } from '@contract/settings.schema';
import { validateDevice } from './accounts/device.links.ts';
import { validateNewUser } from './accounts/users.validate.ts';
import { validateDepartment } from './catalog/catalog.validate.ts';
import { schemaErrors } from './schema.validate.ts';
import { validateSettings } from './settings/settings.validate.ts';

describe('admin forms validate with the contract schemas', () => {
  it('answers in Vietnamese per field, array items under their index', () => {
    const schema = z.object({
      name: z.string().trim().min(1).max(5),
      code: z.string().min(3),
      n: z.number().int().min(1).max(9),
      kind: z.enum(['a', 'b']),
      rows: z.array(z.object({ from: z.string().regex(/^\d\d$/) })),
    });
    expect(
      schemaErrors(schema, { name: 'quá dài rồi', code: 'ab', n: null, kind: 'c', rows: [{ from: '1' }] }),
    ).toEqual({
      name: 'Tối đa 5 ký tự.',
      code: 'Phải có ít nhất 3 ký tự.',
      n: 'Nhập một số nguyên.',
      kind: 'Giá trị không nằm trong danh sách cho phép.',
      rows: 'Sai định dạng.',
    });
    expect(schemaErrors(schema, { name: ' ', code: 'abc', n: 10, kind: 'a', rows: [] }, { 'rows.*': 'x' })).toEqual({
      name: 'Không được để trống.',
      n: 'Không được lớn hơn 9.',
    });
    expect(
      schemaErrors(
        schema,
        { name: 'a', code: 'abc', n: 1, kind: 'a', rows: [{ from: '12' }, { from: 'x' }] },
        {
          'rows.*': 'Giờ sai.',
        },
      ),
    ).toEqual({ 'rows.1': 'Giờ sai.' });
  });

  it('refuses exactly what the server refuses (the rules are the schema, not a copy)', () => {
    const users = [
      { username: 'canbo1', password: 'password-1', displayName: 'An' },
      { username: 'a', password: 'password-1', displayName: 'An' },
      { username: 'x'.repeat(65), password: 'password-1', displayName: 'An' },
      { username: 'canbo1', password: 'p'.repeat(201), displayName: 'An' },
      { username: 'canbo1', password: 'password-1', displayName: 'A'.repeat(101) },
      { username: 'nguyễn', password: 'short', displayName: ' ' },
    ];
    for (const u of users) {
      const server = createUserInput.safeParse({ ...u, role: 'clerk' }).success;
      expect(Object.keys(validateNewUser(u, [])).length === 0, JSON.stringify(u)).toBe(server);
    }
    expect(validateNewUser(users[4]!, []).displayName).toBe('Tối đa 100 ký tự.');
    const dept = { code: 'STP', name: 'S'.repeat(201) };
    expect(departmentInput.safeParse(dept).success).toBe(false);
    expect(validateDepartment(dept, [])).toEqual({ name: 'Tối đa 200 ký tự.' });
    const device = { kind: 'kiosk' as const, name: 'K'.repeat(101), counterId: '', kioskId: '', printer: '' };
    expect(createDeviceInput.safeParse({ kind: 'kiosk', name: device.name }).success).toBe(false);
    expect(validateDevice(device)).toEqual({ name: 'Tối đa 100 ký tự.' });
  });

  it('settings the server would refuse are refused before sending, in Vietnamese', () => {
    const base = centerSettingsSchema.parse({});
    const bad = { ...base, shortName: 'x'.repeat(81), notice: 'n'.repeat(1001), dialect: 'east' as 'north' };
    expect(centerSettingsSchema.safeParse(bad).success).toBe(false);
    expect(validateSettings(bad)).toEqual({
      shortName: 'Tối đa 80 ký tự.',
      notice: 'Tối đa 1000 ký tự.',
      dialect: 'Giá trị không nằm trong danh sách cho phép.',
    });
  });
});
