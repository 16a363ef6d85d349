/**
 * Where the data folder lives when no `--data-dir` is given. Browser mode uses the same folder Electron's
 * `app.getPath('userData')` would give the app, so both modes of one installation share their data.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_FOLDER = 'Complaint Desk';
/** Sub-folder of the user-data folder that holds main's files (Chromium keeps its own next to it). */
export const DATA_SUBFOLDER = 'desk-data';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_FOLDER);
}

export const defaultDataDir = (): string => join(userDataDir(), DATA_SUBFOLDER);
