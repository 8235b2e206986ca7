/**
 * The chip citizen ID card (căn cước / CCCD), read defensively: a typed number or the text of the card's QR code
 * (`số CCCD|số CMND cũ|họ tên|ngày sinh ddmmyyyy|giới tính|nơi thường trú|ngày cấp ddmmyyyy`, newer cards add
 * fields). Pure: what comes out is the 12-digit number and a birth date or year, nothing else of the QR (the
 * name and address are never copied out of the text), and the caller hashes the number at once.
 */
import { AppError } from '../../contract/errors.ts';

/** Province codes of the ID number (Thông tư 07/2016/TT-BCA, the 63 provinces that issued cards). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  (
    '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 ' +
    '044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 ' +
    '089 091 092 093 094 095 096'
  ).split(' '),
);

/** Longest text accepted from a scanner or a form: a real QR is about 150 characters, newer ones a little more. */
export const MAX_CITIZEN_TEXT = 1000;

export interface CitizenIdentity {
  /** The 12-digit number: hash it, keep at most the last three digits, never store or show it. */
  id: string;
  /** From the QR's date of birth when it has a valid one, else from the number (century digit + two digits). */
  birthYear: number;
  /** Only from the QR (month 1–12, day 1–31); null for a typed number. */
  birthMonthDay: { month: number; day: number } | null;
}

/** What hashes a citizen's number (HMAC-SHA256 with the installation's secret; storage/citizen.secret.ts). */
export interface CitizenKeyer {
  /** The keyed hash of a valid 12-digit number. */
  hashId(id: string): string;
  /** The keyed hash of the staff override PIN (never stored in the clear). */
  hashPin(pin: string): string;
}

const invalid = () => new AppError('citizen.invalid_id');

/**
 * A valid 12-digit number with its birth year: a known province code, a century digit and a birth year that is
 * not in the future. Spaces (as people group digits when typing) are ignored; anything else that is not a digit
 * is refused.
 */
export function parseCitizenId(text: string, currentYear: number): CitizenIdentity {
  if (typeof text !== 'string' || text.length > MAX_CITIZEN_TEXT) throw invalid();
  const id = text.replace(/[\s\u00a0]+/g, '');
  if (!/^\d{12}$/.test(id) || !PROVINCE_CODES.has(id.slice(0, 3))) throw invalid();
  const century = 1900 + Math.floor(Number(id[3]) / 2) * 100;
  const birthYear = century + Number(id.slice(4, 6));
  // Digits 8–9 would be the 2300s; 4–7 the 2100s–2200s: no such card exists yet.
  if (Number(id[3]) >= 8 || birthYear > currentYear) throw invalid();
  return { id, birthYear, birthMonthDay: null };
}

/**
 * The QR text: the first field is the number; the fourth, when a valid ddmmyyyy date not in the future, gives
 * the date of birth. Other fields (name, address, sex, old number, issue date, and anything newer cards add) are
 * not read. A scanner's trailing Enter, a BOM or stray spaces are tolerated.
 */
export function parseCitizenQr(text: string, currentYear: number): CitizenIdentity {
  if (typeof text !== 'string' || text.length > MAX_CITIZEN_TEXT) throw invalid();
  const fields = text
    .replace(/^\ufeff/, '')
    .trim()
    .split('|');
  if (fields.length < 2) throw invalid(); // a bare number belongs in citizenId, not in a QR
  const base = parseCitizenId(fields[0]!, currentYear);
  const dob = /^(\d{2})(\d{2})(\d{4})$/.exec((fields[3] ?? '').trim());
  if (!dob) return base;
  const [day, month, year] = [Number(dob[1]), Number(dob[2]), Number(dob[3])];
  const real = new Date(Date.UTC(year, month - 1, day));
  const valid =
    real.getUTCFullYear() === year && real.getUTCMonth() === month - 1 && real.getUTCDate() === day && year >= 1880;
  if (!valid || year > currentYear) return base;
  return { id: base.id, birthYear: year, birthMonthDay: { month, day } };
}

/**
 * Age on a local date. With only a birth year (a typed number), the age the citizen reaches this year: the
 * generous reading, since priority for the elderly is a courtesy, not a privilege to guard.
 */
export function ageOn(c: Pick<CitizenIdentity, 'birthYear' | 'birthMonthDay'>, day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const years = y - c.birthYear;
  if (!c.birthMonthDay) return years;
  const hadBirthday = m > c.birthMonthDay.month || (m === c.birthMonthDay.month && d >= c.birthMonthDay.day);
  return hadBirthday ? years : years - 1;
}

/** At most the last three digits: what a clerk may see to compare with the card in front of them. */
export const last3 = (id: string): string => id.slice(-3);
