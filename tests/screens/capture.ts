/**
 * `npm run screenshots`: every screen of the app in zh-CN and English (and a few in zh-TW), for the README and for looking at, taken
 * from the real app in browser mode at the branch PCs' usual 1366×768 (`docs/screenshots/<screen>.<lang>.png`).
 * Needs `npm run build` first, and poppler's pdftoppm for the record sheet's picture.
 *
 * One list of screens (SCREENS): to add one, add an entry whose `show` brings the page there from anywhere in
 * the signed-in app. Labels are read from the message files, so the script follows the wording.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Locator, type Page } from '@playwright/test';
import { en, type Messages } from '../../renderer/i18n/messages.en';
import { zhCN } from '../../renderer/i18n/messages.zh-CN';
import { zhTW } from '../../renderer/i18n/messages.zh-TW';
import type { Language } from '../../shared/api/schemas';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { ADMIN, createBranch, newDataDir, startDesk } from '../e2e/fixtures';
import { openRegistrationForm } from '../e2e/steps';

const LANGUAGES: readonly Language[] = ['zh-CN', 'zh-TW', 'en'];
const MESSAGES: Readonly<Record<Language, Messages>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
/** zh-TW is zh-CN converted, in the same layout: these screens show it rather than a third full run. */
const TRADITIONAL_SCREENS = new Set(['register', 'registration', 'complaint', 'record-sheet', 'settings']);
const shownIn = (language: Language) => (screen: Screen) => language !== 'zh-TW' || TRADITIONAL_SCREENS.has(screen.name);

const OUT = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const VIEWPORT = { width: 1366, height: 768 } as const;

/** What a screen's steps know: the page, the words on screen, and the complaints set up for the pictures. */
interface Shot {
  readonly page: Page;
  readonly language: Language;
  readonly m: Messages;
  readonly handled: string;
  readonly open: string;
  readonly scratch: string;
}

interface Screen {
  readonly name: string;
  /** Brings the page to the screen, from anywhere in the signed-in app. */
  readonly show: (shot: Shot) => Promise<void>;
  /** All of it: the window grows for the picture until this scrolling element (the main area, a dialog) shows whole. */
  readonly tall?: string;
  /** Writes the picture itself (the record sheet is a PDF page, not the window). */
  readonly capture?: (shot: Shot, path: string) => Promise<void>;
  /** Undoes what `show` opened, so the next screen starts from the app. */
  readonly leave?: (shot: Shot) => Promise<void>;
}

const go = async (page: Page, hash: string) => {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
};
const settle = (page: Page) => page.waitForLoadState('networkidle');
const closeDialog = async ({ page }: Shot) => {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
};

const SCREENS: readonly Screen[] = [
  {
    name: 'register',
    show: async ({ page }) => {
      await go(page, '#/complaints');
      await page.getByRole('row').nth(1).waitFor();
    },
  },
  {
    name: 'registration',
    show: async ({ page, m }) => {
      await openRegistrationForm(page, m.register.title);
      await page.getByLabel(m.register.customerName).fill('赵敏');
      await page.getByLabel(m.register.phone).fill('13612345678');
      await page.getByLabel(m.register.channel).selectOption({ label: m.channel.walk_in });
      await page.getByLabel(m.register.category).selectOption('after_sales');
      await page.getByLabel(m.register.description).fill('新买的电饭煲第二次使用就无法加热，要求换货。');
      await page.getByLabel(m.requestKind.replacement, { exact: true }).check();
      await page.getByLabel(m.register.severity).selectOption({ label: m.level.medium });
      await page.getByLabel(m.register.urgency).selectOption({ label: m.level.medium });
      await page.getByLabel(m.register.spread).selectOption({ label: m.spread.individual });
      await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
    },
  },
  {
    name: 'registered',
    show: async ({ page, m }) => {
      await page.keyboard.press('Control+Enter');
      await page.getByRole('status', { name: m.registerList.number }).waitFor();
    },
  },
  {
    name: 'complaint',
    show: async ({ page, handled }) => {
      await go(page, `#/complaints/${encodeURIComponent(handled)}`);
      await page.locator('header.complaint-header').waitFor();
      await settle(page);
    },
    tall: 'main',
  },
  {
    name: 'complaint-deadlines',
    show: async ({ page, open, m }) => {
      await go(page, `#/complaints/${encodeURIComponent(open)}`);
      await page.getByText(m.clock.legend).click();
      await settle(page);
    },
  },
  {
    name: 'action-dialog',
    show: async ({ page, scratch, m }) => {
      await go(page, `#/complaints/${encodeURIComponent(scratch)}`);
      await page.getByRole('group', { name: m.actions.toolbar }).getByRole('button', { name: m.actions.title.assess, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(m.actions.field.validity).selectOption({ label: m.validity.liable });
      await dialog.getByLabel(m.actions.field.severity).selectOption({ label: m.level.high });
      await dialog.getByLabel(m.actions.field.urgency).selectOption({ label: m.level.medium });
      await dialog.getByLabel(m.actions.field.spread).selectOption({ label: m.spread.individual });
    },
    leave: closeDialog,
  },
  {
    name: 'print-preview',
    show: async ({ page, handled, m }) => {
      await go(page, `#/complaints/${encodeURIComponent(handled)}`);
      await page.locator('header.complaint-header').waitFor();
      await page.keyboard.press('Control+P');
      await page.getByRole('dialog', { name: m.print.previewTitle }).waitFor();
      await settle(page);
    },
    leave: closeDialog,
  },
  {
    name: 'record-sheet',
    show: async ({ page, handled }) => {
      await go(page, `#/complaints/${encodeURIComponent(handled)}`);
      await page.locator('header.complaint-header').waitFor();
    },
    capture: async ({ page, m }, path) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: m.print.savePdf }).click()]);
      const dir = mkdtempSync(join(tmpdir(), 'complaint-desk-sheet-'));
      try {
        const pdf = join(dir, 'sheet.pdf');
        await download.saveAs(pdf);
        execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', pdf, path.replace(/\.png$/, '')]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'board',
    show: async ({ page }) => {
      await go(page, '#/board');
      await page.locator('.board-card').first().waitFor();
    },
  },
  {
    name: 'bell',
    show: async ({ page, m }) => {
      await go(page, '#/complaints');
      await page.locator('button.bell').click();
      await page.getByRole('dialog', { name: m.notices.title }).waitFor();
    },
    leave: async ({ page }) => page.keyboard.press('Escape'),
  },
  {
    name: 'help',
    show: async ({ page, m }) => {
      await go(page, '#/complaints');
      await page.getByRole('button', { name: m.topbar.help }).click();
      await page.getByRole('dialog', { name: m.help.title }).waitFor();
    },
    tall: '.dialog',
    leave: closeDialog,
  },
  {
    name: 'settings',
    show: async ({ page }) => {
      await go(page, '#/settings');
      await page.getByRole('table').first().waitFor();
      // Focus went back to the help button when the help sheet closed; the picture is of the page, not of it.
      await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()');
    },
    tall: 'main',
  },
  {
    name: 'sign-in',
    show: async ({ page, m }) => {
      await page.getByRole('button', { name: m.topbar.signOut }).click();
      await page.getByRole('button', { name: m.auth.submit }).waitFor();
    },
    leave: async ({ page, m }) => {
      await page.getByLabel(m.auth.username).fill(ADMIN.username);
      await page.getByLabel(m.auth.password, { exact: true }).fill(ADMIN.password);
      await page.getByRole('button', { name: m.auth.submit }).click();
      await page.getByRole('navigation', { name: m.nav.label }).waitFor();
    },
  },
];

/** The complaints in the register, in English (the set-up runs in English, the pictures in both languages). */
const COMPLAINTS = [
  { name: '张伟', phone: '13812345678', channel: 'Walk-in', category: 'Product quality', text: '购买的纯牛奶在保质期内已变质，包装鼓胀，孩子喝后腹泻。', request: 'Refund' },
  { name: '李娜', phone: '021-62345678', channel: 'Phone / hotline', category: 'Service attitude', text: '收银员态度恶劣，找零时把硬币扔在柜台上，并拒绝道歉。', request: 'Apology' },
  { name: '王芳', phone: '13900001111', channel: 'Online / app', category: 'Delivery delay / missed appointment', text: '预约周六上午上门安装空调，师傅迟到三个小时且未提前通知。', request: 'Compensation' },
  { name: '刘洋', phone: '15800002222', channel: 'Comment book', category: 'Price & billing', text: '促销价签标注 39.9 元，结账时按 49.9 元收费，要求退还差价。', request: 'Refund' },
  { name: '陈静', phone: '17700003333', channel: 'Email', category: 'Environment & facilities', text: '店内地面湿滑没有警示牌，老人险些滑倒。', request: 'Better service' },
];

/** Registers the complaints; returns their ids (the complaint page's route) in order. */
async function registerAll(page: Page): Promise<string[]> {
  const ids: string[] = [];
  for (const complaint of COMPLAINTS) {
    await openRegistrationForm(page);
    await page.getByLabel('Customer name').fill(complaint.name);
    await page.getByLabel('Phone').fill(complaint.phone);
    await page.getByLabel('Channel').selectOption({ label: complaint.channel });
    await page.getByLabel('Category').selectOption({ label: complaint.category });
    await page.getByLabel('Description').fill(complaint.text);
    await page.getByLabel(complaint.request, { exact: true }).check();
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: en.register.openComplaint }).click();
    await page.locator('header.complaint-header').waitFor();
    ids.push(decodeURIComponent(new URL(page.url()).hash.replace('#/complaints/', '')));
  }
  return ids;
}

/** Opens a step's dialog from the toolbar (or under "More"), fills it and saves it. */
async function act(page: Page, name: string, fill: (dialog: Locator) => Promise<unknown> = async () => {}): Promise<void> {
  const actions = page.getByRole('group', { name: en.actions.toolbar });
  const button = actions.getByRole('button', { name, exact: true });
  if (await button.count()) await button.click();
  else {
    await actions.getByRole('button', { name: en.actions.more }).click();
    await page.getByRole('menuitem', { name, exact: true }).click();
  }
  const dialog = page.getByRole('dialog', { name });
  await fill(dialog);
  await dialog.getByRole('button', { name: en.common.save, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  // The toolbar offers the next steps once main has confirmed this one.
  await page.getByRole('status').filter({ hasText: en.actions.saved.replace('{{action}}', name) }).first().waitFor();
}

const openComplaint = async (page: Page, number: string) => {
  await go(page, `#/complaints/${encodeURIComponent(number)}`);
  await page.locator('header.complaint-header').waitFor();
};

/** The first complaint handled to the end: graded, escalated, investigated, resolved, followed up and closed. */
async function handleToTheEnd(page: Page, number: string): Promise<void> {
  const t = en.actions.title;
  const f = en.actions.field;
  await openComplaint(page, number);
  await act(page, t.assess, async (d) => {
    await d.getByLabel(f.validity).selectOption({ label: en.validity.liable });
    await d.getByLabel(f.severity).selectOption({ label: en.level.medium });
    await d.getByLabel(f.urgency).selectOption({ label: en.level.high });
    await d.getByLabel(f.spread).selectOption({ label: en.spread.individual });
  });
  await act(page, t.acknowledge);
  await act(page, t.escalate, async (d) => {
    await d.getByLabel(f.targetTier).selectOption('T2');
    await d.getByLabel(f.reason).fill('客户要求主管处理');
  });
  await act(page, t.recordInvestigation, async (d) => {
    await d.getByLabel(f.findings).fill('批次 20261120 冷链温度超标。');
    await d.getByLabel(f.rootCause).fill('冷柜温控器故障');
    await d.getByLabel(f.responsibleDepartment).fill('生鲜部');
  });
  await act(page, t.proposeResolution, async (d) => {
    await d.getByLabel(en.requestKind.refund, { exact: true }).check();
    await d.getByLabel(en.requestKind.apology, { exact: true }).check();
    await d.getByLabel(f.amount).fill('59.90');
    await d.getByLabel(f.proposal).fill('全额退款并书面致歉');
  });
  await act(page, t.recordCustomerResponse, (d) => d.getByLabel(f.accepted).selectOption('yes'));
  await act(page, t.resolve, async (d) => {
    await d.getByLabel(f.howCommunicated).selectOption({ label: en.communication.phone });
    await d.getByLabel(f.summary).fill('已退款 59.90 元，并书面致歉，客户认可。');
  });
  await act(page, t.followUp, async (d) => {
    await d.getByLabel(f.method).selectOption({ label: en.communication.phone });
    await d.getByLabel(f.satisfaction).selectOption('5');
    await d.getByLabel(f.comments).fill('客户表示满意');
  });
  await act(page, t.close);
}

/** A complaint escalated to senior management, so the register and the board show the longest tier name. */
async function escalateToTop(page: Page, number: string): Promise<void> {
  await openComplaint(page, number);
  await act(page, en.actions.title.escalate, async (d) => {
    await d.getByLabel(en.actions.field.targetTier).selectOption('T4');
    await d.getByLabel(en.actions.field.reason).fill('客户向媒体反映，转高层终审');
  });
}

const ACCOUNTS = [
  { username: 'li.na', displayName: '李娜', role: 'Staff', active: true },
  { username: 'wang.fang', displayName: '王芳', role: 'Supervisor', active: true },
  { username: 'zhao.lei', displayName: '赵磊', role: 'Staff', active: false },
];

/** Settings → Staff accounts: a few colleagues, one of them deactivated (it stays in the list). */
async function addAccounts(page: Page) {
  await go(page, '#/settings');
  for (const account of ACCOUNTS) {
    await page.getByRole('button', { name: 'Add account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add account' });
    await dialog.getByLabel('Username').fill(account.username);
    await dialog.getByLabel('Display name').fill(account.displayName);
    await dialog.getByLabel('Role').selectOption({ label: account.role });
    await dialog.getByLabel('Password', { exact: true }).fill('counter-2026!');
    await dialog.getByLabel('Confirm password').fill('counter-2026!');
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    if (account.active) continue;
    await page.getByRole('row').filter({ hasText: account.username }).getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  }
}

/** The app scrolls inside its main area and its dialogs, not the document: grow the window to show all of one, then shrink back. */
async function tallScreenshot(page: Page, scroller: string, path: string): Promise<void> {
  const overflow = await page.locator(scroller).evaluate((element) => element.scrollHeight - element.clientHeight);
  await page.setViewportSize({ width: VIEWPORT.width, height: VIEWPORT.height + Math.max(0, overflow) });
  await page.screenshot({ path });
  await page.setViewportSize(VIEWPORT);
}

/** The language switch is named in the language currently on screen. */
async function switchLanguage(page: Page, language: Language): Promise<void> {
  const named = LANGUAGES.map((shown) => page.getByRole('combobox', { name: MESSAGES[shown].topbar.language }));
  await named.reduce((either, next) => either.or(next)).first().selectOption(language);
}

const dataDir = newDataDir();
const desk = await startDesk(dataDir);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ viewport: VIEWPORT, acceptDownloads: true });
  await page.goto(desk.url);
  for (const language of ['zh-CN', 'en'] as const) {
    await switchLanguage(page, language);
    await page.getByRole('button', { name: MESSAGES[language].setup.submit }).waitFor();
    await page.screenshot({ path: join(OUT, `first-run.${language}.png`) });
  }
  await switchLanguage(page, 'en');
  await createBranch(page);
  const [handled, top, , , scratch] = await registerAll(page);
  if (!handled || !top || !scratch) throw new Error('the complaints were not registered');
  await handleToTheEnd(page, handled);
  await escalateToTop(page, top);
  await addAccounts(page);
  for (const language of LANGUAGES) {
    await switchLanguage(page, language);
    const shot: Shot = { page, language, m: MESSAGES[language], handled, open: top, scratch };
    for (const screen of SCREENS.filter(shownIn(language))) {
      await screen.show(shot);
      const path = join(OUT, `${screen.name}.${language}.png`);
      if (screen.capture) await screen.capture(shot, path);
      else if (screen.tall) await tallScreenshot(page, screen.tall, path);
      else await page.screenshot({ path });
      await screen.leave?.(shot);
    }
  }
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await desk.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
