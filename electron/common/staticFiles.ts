/**
 * Serves the built renderer (out/renderer) to Electron's app:// protocol and to the browser-mode bridge.
 * Only files inside the root are served; a path that is not a file falls back to index.html so a reload on
 * any screen still opens the app.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/** The file for a URL path (`/assets/index-abc.js`), or undefined (404). */
export async function loadStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  const base = resolve(root);
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (relative.includes('\0')) return undefined;
  const wanted = resolve(base, `.${sep}${normalize(relative)}`);
  if (wanted !== base && !wanted.startsWith(base + sep)) return undefined;

  const file = (await isFile(wanted)) ? wanted : extname(wanted) === '' ? join(base, 'index.html') : undefined;
  if (!file || !(await isFile(file))) return undefined;
  return { body: await readFile(file), contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
