import { describe, expect, it } from 'vitest';
import { receiptHtml } from './receipt';

describe('receipt', () => {
  const text = {
    lang: 'zh-CN' as const,
    title: '投诉受理回执',
    rows: [
      ['投诉编号', 'SH01-20261123-0001'],
      ['受理网点', '浦东<b>店</b> & "总部"'],
    ] as const,
    nextLabel: '后续处理',
    next: '我们将在 2026-11-24 14:05 前与您联系。',
    keep: '请妥善保管本回执。',
  };

  it('holds the number, the branch and what happens next', () => {
    const html = receiptHtml(text);
    expect(html).toContain('SH01-20261123-0001');
    expect(html).toContain('我们将在 2026-11-24 14:05 前与您联系。');
    expect(html).toContain('<html lang="zh-CN">');
  });

  it('never turns a value into markup, and carries no script', () => {
    const html = receiptHtml(text);
    expect(html).toContain('浦东&lt;b&gt;店&lt;/b&gt; &amp; &quot;总部&quot;');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<script/i);
  });
});
