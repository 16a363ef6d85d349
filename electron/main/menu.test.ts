import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/api/schemas';
import { menuTemplate } from './menu';

const labels = (language: Language, development = false) =>
  menuTemplate(language, { development, showAbout: () => undefined }).map((item) => item.label);

describe('application menu', () => {
  it('has File, Edit, View and Help in Chinese by default and in English', () => {
    expect(labels('zh-CN')).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels('en')).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels('zh-TW')).toEqual(['檔案', '編輯', '檢視', '說明']);
  });

  it('offers developer tools only in development', () => {
    const viewItems = (development: boolean) => {
      const view = menuTemplate('en', { development, showAbout: () => undefined })[2]?.submenu;
      return Array.isArray(view) ? view.map((item) => item.role) : [];
    };
    expect(viewItems(false)).not.toContain('toggleDevTools');
    expect(viewItems(true)).toContain('toggleDevTools');
  });
});
