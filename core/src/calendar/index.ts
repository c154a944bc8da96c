/** Vietnamese calendar: civil dates, Vietnam time, the lunar calendar, holidays, working days. */
export {
  addCalendarDays,
  civilDateToIso,
  compareCivilDates,
  dayOfWeek,
  isValidCivilDate,
  parseCivilDate,
  type CivilDate,
  type DayOfWeek,
} from './civil-date';
export {
  VIETNAM_UTC_OFFSET_HOURS,
  toVietnamDate,
  vietnamDateTimeToUtc,
  vietnamMidnightUtc,
} from './vietnam-time';
export { fromLunar, toLunar, type LunarDate } from './lunar-calendar';
export { HOLIDAY_IDS, type HolidayId, type LocalizedName } from './holiday-names';
export {
  ANNOUNCED_HOLIDAY_OVERRIDES,
  validateHolidayOverrides,
  type AnnouncedDayOff,
  type HolidayOverrides,
  type HolidayReplacement,
  type MakeUpWorkingDay,
  type YearHolidayOverrides,
} from './holiday-overrides';
export { publicHolidays, type DayOff, type DayOffKind } from './public-holidays';
export {
  createWorkCalendar,
  defaultWorkCalendar,
  unitCalendarOf,
  type CreateWorkCalendarOptions,
  type WorkCalendar,
  type WorkCalendarProvider,
} from './work-calendar';
export { addWorkingDays, countWorkingDays, isWorkingDay, nextWorkingDay } from './working-days';
export {
  computeDeadline,
  deadlineEndUtc,
  isPastDeadline,
  type ComputeDeadlineOptions,
  type DeadlineRule,
} from './deadline';
