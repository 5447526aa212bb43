/**
 * Moving between the app's screens from deep inside one (a contract's NDA tab links to the
 * playbook in settings): the shell provides these, panels call them.
 */
import { createContext, useContext } from 'react';

/** The settings sections a link may open at. */
export type SettingsSection = 'general' | 'playbook' | 'calendar' | 'data' | 'about';

/** What a screen may ask of the shell. */
export interface Navigation {
  openSettings(section?: SettingsSection): void;
}

export const NavigationContext = createContext<Navigation>({ openSettings: () => undefined });

/** The shell's navigation (see module doc). */
export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
