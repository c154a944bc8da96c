export interface TabConfig {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

/**
 * Tells Teams the configuration is ready and what to save when the user presses Save. Calling it
 * again (another body chosen) replaces the save handler, so the last choice is what gets saved.
 */
export async function offerTabConfig(
  config: TabConfig,
  onFailure: (reason: string) => void,
): Promise<void> {
  const { pages } = await import('@microsoft/teams-js'); // already loaded by detectHost in Teams
  pages.config.registerOnSaveHandler((saveEvent) => {
    pages.config.setConfig(config).then(
      () => saveEvent.notifySuccess(),
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        saveEvent.notifyFailure(reason);
        onFailure(reason);
      },
    );
  });
  pages.config.setValidityState(true);
}
