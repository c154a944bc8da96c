import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { Host } from '../teams/teams-host';

/** Follows the Teams theme inside Teams; the plain web theme in a browser. */
export function fluentThemeFor(host: Host, teamsTheme: string | undefined): Theme {
  if (host.kind === 'browser') return webLightTheme;
  switch (teamsTheme) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}
