/**
 * What the browser-mode command and Electron's error box say when the desk could not open its data folder:
 * the problem in the person's language, or undefined for a bug (whose stack belongs in the log, not on screen).
 */
import type { Language } from '../../shared/api/schemas';
import { dataLayout } from './dataDir';
import { DeskOpenError, describeOpenProblem } from './openProblem';
import { readSettingsLanguage } from './settings';

/**
 * The language is `--lang` when given (a successful start would make it the UI language), else the stored
 * setting if it can be read, else zh-CN.
 */
export async function openFailureText(error: unknown, dataDir: string, launchLanguage: Language | undefined): Promise<string | undefined> {
  if (!(error instanceof DeskOpenError)) return undefined;
  const language = launchLanguage ?? (await readSettingsLanguage(dataLayout(dataDir).settingsFile)) ?? 'zh-CN';
  return describeOpenProblem(error.problem, language);
}
