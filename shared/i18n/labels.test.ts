import { describe, expect, it } from 'vitest';
import { labelIn, labelTable } from './labels';

const keys = ['draft', 'queued'] as const;
const draft = { zh: '草稿', en: 'Draft' };

describe('a label table kept as data', () => {
  it('loads a table that labels each key in both languages', () => {
    const table = labelTable('labels.json', keys, { draft, queued: { zh: '待发送', en: 'Queued' } });
    expect(labelIn(table, 'queued', 'zh-CN')).toBe('待发送');
    expect(labelIn(table, 'queued', 'en')).toBe('Queued');
  });

  it('refuses a table missing a key, holding one more, or leaving a language empty, naming its file and the key', () => {
    expect(() => labelTable('labels.json', keys, { draft })).toThrow(/^labels\.json: [\s\S]*at queued/);
    expect(() => labelTable('labels.json', keys, { draft, queued: draft, sent: draft })).toThrow(
      /^labels\.json: [\s\S]*"sent"/,
    );
    expect(() => labelTable('labels.json', keys, { draft, queued: { zh: '', en: 'Queued' } })).toThrow(
      /^labels\.json: [\s\S]*at queued\.zh/,
    );
    expect(() => labelTable('labels.json', keys, { draft, queued: { zh: '待发送' } })).toThrow(/at queued\.en/);
  });

  it('shows a key the table does not hold as it is, an inherited name too', () => {
    const table = labelTable('labels.json', keys, { draft, queued: draft });
    expect(labelIn(table, 'Z9', 'zh-CN')).toBe('Z9');
    expect(labelIn(table, 'toString', 'en')).toBe('toString');
  });
});
