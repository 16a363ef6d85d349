import { useEffect, useState } from 'react';
import { api } from '../../platform/api';

/** True in browser mode, where documents are printed from a preview (assumed until main answers). */
export function useBrowserMode(): boolean {
  const [browserMode, setBrowserMode] = useState(true);
  useEffect(() => {
    let live = true;
    void api.call('app.info', {}).then((info) => live && info.ok && setBrowserMode(info.value.mode === 'browser'));
    return () => {
      live = false;
    };
  }, []);
  return browserMode;
}
