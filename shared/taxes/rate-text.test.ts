import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtinManifest, readBuiltinPackage } from '../code-tables/builtin';
import { packageRows } from '../code-tables/package';
import { toText } from './exact';
import { parseRate } from './rate-text';

describe('rate texts as the tariff writes them', () => {
  it('ad valorem, specific, compound and price-banded forms', () => {
    expect(parseRate('13%')).toMatchObject({ kind: 'simple', form: { specific: null } });
    const compound = parseRate('20%+0.912元/升');
    expect(compound?.kind === 'simple' && compound.form.specific).toMatchObject({ unit: '095', unitName: '升' });
    expect(compound?.kind === 'simple' && compound.form.adValorem && toText(compound.form.adValorem)).toBe('0.2');
    const banded = parseRate('完税价不高于7.5元/千克：20%，完税价高于7.5元/千克：0%+1.5元/千克。');
    expect(banded?.kind === 'banded' && banded.bands.map((b) => [b.op, toText(b.threshold), b.unit])).toEqual([
      ['<=', '7.5', '035'],
      ['>', '7.5', '035'],
    ]);
  });

  it('refuses what it cannot read instead of taking it as zero', () => {
    for (const text of ['', '见备注', '10%+', '5元/打', '13%%', '完税价大于等于10000元：15%'])
      expect(parseRate(text)).toBeNull();
  });

  it('reads every import rate of the built-in 2026 tariff but the gaps SOURCES.md names', () => {
    const info = builtinManifest.find((t) => t.id === 'tariff');
    if (!info) throw new Error('no built-in tariff');
    const read = (file: string) => gunzipSync(fs.readFileSync(`resources/code-tables/${file}.gz`)).toString('utf8');
    const rows = packageRows(readBuiltinPackage(info, read));
    const unread: string[] = [];
    for (const row of rows) {
      for (const column of ['mfn_rate', 'general_rate', 'provisional_rate', 'consumption_tax', 'vat_rate']) {
        const text = row[column] ?? '';
        if (text === '' && column === 'provisional_rate') continue;
        if (parseRate(text) === null) unread.push(`${row.code} ${column} ${text}`);
      }
    }
    // 卷烟 without a 消费税率, and 5201000080 without any rate (the handbook's SOURCES.md).
    expect(unread.sort()).toEqual([
      '2402200000 consumption_tax ',
      '2402900001 consumption_tax ',
      '5201000080 consumption_tax ',
      '5201000080 general_rate ',
      '5201000080 mfn_rate ',
      '5201000080 vat_rate ',
    ]);
  });
});
