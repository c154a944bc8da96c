import type { LunarDate } from './lunar-calendar';

/** The holidays of Labour Code 45/2019/QH14 Art. 112(1), one id each. */
export const HOLIDAY_IDS = [
  'newYear',
  'tet',
  'hungKings',
  'victoryDay',
  'labourDay',
  'nationalDay',
] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];

export interface LocalizedName {
  readonly vi: string;
  readonly en: string;
}

/** Names as Art. 112(1) words them, so the list reads like the law. */
const HOLIDAY_NAMES: Readonly<Record<HolidayId, LocalizedName>> = {
  newYear: { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' },
  hungKings: { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
  victoryDay: { vi: 'Ngày Chiến thắng', en: 'Victory Day (Reunification Day)' },
  labourDay: { vi: 'Ngày Quốc tế lao động', en: "International Workers' Day" },
  nationalDay: { vi: 'Quốc khánh', en: 'National Day' },
};

export function holidayName(id: HolidayId): LocalizedName {
  return HOLIDAY_NAMES[id];
}

/** A Tết day named by its lunar date, e.g. "Tết Âm lịch (30 tháng Chạp)", "(mùng 1)". */
export function tetDayName(lunar: LunarDate): LocalizedName {
  const base = HOLIDAY_NAMES.tet;
  if (lunar.month === 12) {
    return {
      vi: `${base.vi} (${lunar.day} tháng Chạp)`,
      en: `${base.en}, day ${lunar.day} of the 12th lunar month`,
    };
  }
  if (lunar.month === 1 && !lunar.leap) {
    return {
      vi: `${base.vi} (${lunar.day <= 10 ? 'mùng ' : ''}${lunar.day} tháng Giêng)`,
      en: `${base.en}, day ${lunar.day} of the new year`,
    };
  }
  return base;
}

export function compensatoryName(id: HolidayId): LocalizedName {
  const name = HOLIDAY_NAMES[id];
  return { vi: `Nghỉ bù ${name.vi}`, en: `${name.en} (compensatory day off)` };
}

export function swappedDayOffName(id: HolidayId): LocalizedName {
  const name = HOLIDAY_NAMES[id];
  return { vi: `Nghỉ hoán đổi dịp ${name.vi}`, en: `${name.en} (swapped day off)` };
}
