import type { BodyRole } from '../bodies/body';
import type { Locale } from './locale';

/** Role names as Vietnamese official documents write them (GLOSSARY.md). */
export const BODY_ROLE_LABELS: Record<Locale, Record<BodyRole, string>> = {
  vi: {
    head: 'Trưởng ban',
    deputyHead: 'Phó Trưởng ban',
    member: 'Ủy viên',
    secretary: 'Thư ký',
    observer: 'Quan sát viên',
  },
  en: {
    head: 'Head',
    deputyHead: 'Deputy head',
    member: 'Member',
    secretary: 'Secretary',
    observer: 'Observer',
  },
};
