import type { Locale } from '@qcdc/core';

/** What the bot understands. The help card lists the first phrase of each command per language. */
export const BOT_COMMANDS = ['help', 'meetings', 'myTasks', 'votes'] as const;
export type BotCommand = (typeof BOT_COMMANDS)[number];

/** Phrases per command and language, as people type them (matched without diacritics or case). */
export const COMMAND_PHRASES: Record<BotCommand, Record<Locale, readonly string[]>> = {
  help: { vi: ['trợ giúp', 'giúp', 'hướng dẫn'], en: ['help'] },
  meetings: { vi: ['cuộc họp', 'lịch họp'], en: ['meetings', 'meeting'] },
  myTasks: { vi: ['việc của tôi', 'nhiệm vụ của tôi', 'nhiệm vụ'], en: ['my tasks', 'tasks'] },
  votes: { vi: ['biểu quyết', 'bỏ phiếu'], en: ['votes', 'vote'] },
};

/** The phrase shown for a command in a language (the first one). */
export function commandPhrase(command: BotCommand, locale: Locale): string {
  return COMMAND_PHRASES[command][locale][0]!;
}

/**
 * Folds text for matching: lower case, no diacritics (đ → d), no punctuation, single spaces.
 * "Việc của TÔI!" and "viec cua toi" fold to the same string.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface MatchedCommand {
  command: BotCommand;
  /** The language of the phrase that matched: the reply's language. */
  locale: Locale;
}

const FOLDED = BOT_COMMANDS.flatMap(
  (command) =>
    (['vi', 'en'] as const).flatMap((locale) =>
      COMMAND_PHRASES[command][locale].map((phrase) => ({
        command,
        locale,
        folded: foldText(phrase),
      })),
    ),
  // Longest first, so "nhiem vu cua toi" wins over "nhiem vu".
).sort((a, b) => b.folded.length - a.folded.length);

/**
 * The command a message asks for: the whole message, or its first words ("cuộc họp tuần này").
 * Null for anything else.
 */
export function matchCommand(text: string): MatchedCommand | null {
  const folded = foldText(text);
  if (!folded) return null;
  for (const entry of FOLDED) {
    if (folded === entry.folded || folded.startsWith(`${entry.folded} `)) {
      return { command: entry.command, locale: entry.locale };
    }
  }
  return null;
}
