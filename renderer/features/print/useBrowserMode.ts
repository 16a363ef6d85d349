import { useEffect, useState } from 'react';
import { api } from '../../platform/api';

/**
 * True where there is no desktop app around the page (browser mode, head office): documents are printed from a
 * preview and files are downloaded (assumed until main answers).
 */
export function useBrowserMode(): boolean {
  const [browserMode, setBrowserMode] = useState(true);
  useEffect(() => {
    let live = true;
    void api.call('app.info', {}).then((info) => live && info.ok && setBrowserMode(info.value.mode !== 'electron'));
    return () => {
      live = false;
    };
  }, []);
  return browserMode;
}
