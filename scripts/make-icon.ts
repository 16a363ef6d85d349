/**
 * `npx tsx scripts/make-icon.ts`: renders resources/icon-source/icon.svg in Debian's Chromium and writes
 * resources/icon.png (512 px, window and Linux) and resources/icon.ico (the sizes Windows asks for: taskbar,
 * title bar, desktop, Explorer views, installer). Run it again after editing the SVG; commit all three files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { icoFile } from './ico';

export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
const PNG_SIZE = 512;

const resources = join(import.meta.dirname, '..', 'resources');
const svg = readFileSync(join(resources, 'icon-source', 'icon.svg'), 'utf8');

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage();
  const render = async (size: number): Promise<Buffer> => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  writeFileSync(join(resources, 'icon.png'), await render(PNG_SIZE));
  const images = [];
  for (const size of ICO_SIZES) images.push({ size, png: await render(size) });
  writeFileSync(join(resources, 'icon.ico'), icoFile(images));
} finally {
  await browser.close();
}
