/**
 * The application menu, in the UI language (zh-CN default, zh-TW, en). Only standard roles and an About box:
 * nothing that opens a URL or a file outside the app.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/api/schemas';

const LABELS = {
  'zh-CN': {
    file: '文件', quit: '退出', edit: '编辑', undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴',
    selectAll: '全选', view: '视图', reload: '重新加载', resetZoom: '实际大小', zoomIn: '放大', zoomOut: '缩小',
    fullScreen: '全屏', devTools: '开发者工具', help: '帮助', about: '关于投诉受理台', productName: '投诉受理台',
  },
  // As Windows and macOS name these items in Taiwan (檔案, 復原, 剪下, 貼上, 檢視, 說明).
  'zh-TW': {
    file: '檔案', quit: '結束', edit: '編輯', undo: '復原', redo: '重做', cut: '剪下', copy: '複製', paste: '貼上',
    selectAll: '全選', view: '檢視', reload: '重新載入', resetZoom: '實際大小', zoomIn: '放大', zoomOut: '縮小',
    fullScreen: '全螢幕', devTools: '開發人員工具', help: '說明', about: '關於投訴受理台', productName: '投訴受理台',
  },
  en: {
    file: 'File', quit: 'Quit', edit: 'Edit', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste',
    selectAll: 'Select All', view: 'View', reload: 'Reload', resetZoom: 'Actual Size', zoomIn: 'Zoom In', zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen', devTools: 'Developer Tools', help: 'Help', about: 'About Complaint Desk', productName: 'Complaint Desk',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The app's name as the About box shows it. */
export const productName = (language: Language): string => LABELS[language].productName;

export interface MenuOptions {
  /** Developer tools only outside a packaged build. */
  readonly development: boolean;
  readonly showAbout: () => void;
}

export function menuTemplate(language: Language, options: MenuOptions): MenuItemConstructorOptions[] {
  const label = LABELS[language];
  return [
    { label: label.file, submenu: [{ role: 'quit', label: label.quit }] },
    {
      label: label.edit,
      submenu: [
        { role: 'undo', label: label.undo },
        { role: 'redo', label: label.redo },
        { type: 'separator' },
        { role: 'cut', label: label.cut },
        { role: 'copy', label: label.copy },
        { role: 'paste', label: label.paste },
        { role: 'selectAll', label: label.selectAll },
      ],
    },
    {
      label: label.view,
      submenu: [
        { role: 'reload', label: label.reload },
        { type: 'separator' },
        { role: 'resetZoom', label: label.resetZoom },
        { role: 'zoomIn', label: label.zoomIn },
        { role: 'zoomOut', label: label.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: label.fullScreen },
        ...(options.development ? [{ role: 'toggleDevTools', label: label.devTools } as const] : []),
      ],
    },
    { label: label.help, submenu: [{ label: label.about, click: options.showAbout }] },
  ];
}
