/**
 * The `adaptivecards` library (the renderer Teams' web client is built on), when installed. Loaded by
 * name at run time so this project still type-checks and runs without it.
 */
interface ValidationEventLike {
  message: string;
  event: number;
}

interface AdaptiveCardsModule {
  CardElement: { langProperty: { regEx?: RegExp } };
  AdaptiveCard: new () => {
    parse(json: unknown, context?: unknown): void;
    validateProperties(): { validationEvents: ValidationEventLike[] };
  };
  SerializationContext: new () => {
    eventCount: number;
    getEventAt(index: number): ValidationEventLike;
  };
}

export async function loadAdaptiveCards(): Promise<AdaptiveCardsModule | null> {
  const name = 'adaptivecards';
  try {
    return (await import(/* @vite-ignore */ name)) as AdaptiveCardsModule;
  } catch {
    return null;
  }
}

/** Every message the library reports while parsing and validating the card; none means valid. */
export function libraryIssues(library: AdaptiveCardsModule, card: unknown): string[] {
  // The library validates `lang` with a global-flag RegExp, whose lastIndex survives between calls, so
  // every other card would "fail" on a valid "vi"/"en". Reset it: the bug is the library's, not ours.
  const langPattern = library.CardElement.langProperty.regEx;
  if (langPattern) langPattern.lastIndex = 0;
  const context = new library.SerializationContext();
  const parsed = new library.AdaptiveCard();
  parsed.parse(card, context);
  const issues: string[] = [];
  for (let index = 0; index < context.eventCount; index++) {
    issues.push(`parse: ${context.getEventAt(index).message}`);
  }
  for (const issue of parsed.validateProperties().validationEvents) {
    issues.push(`validate: ${issue.message}`);
  }
  return issues;
}
