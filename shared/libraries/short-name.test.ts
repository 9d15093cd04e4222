import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { regionNames } from './region-names';
import { placePrefixLength, shortNameInitials } from './short-name';

const handbook = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../../../shared/domain/code-tables/administrative-divisions.csv',
);

/** Pinyin initials as main/core/code-tables/pinyin.ts makes them (shared/ may not import main/). */
const initialsOf = (name: string) =>
  pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

describe('short names', () => {
  it('lists every province, prefecture and county-level city of the handbook’s 行政区划代码, and nothing else', () => {
    const expected = readFileSync(handbook, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter(([code, name]) => /^\d{6}$/.test(code ?? '') && name !== undefined)
      .filter(([code, name]) => code?.endsWith('00') || name?.endsWith('市'))
      .map(([, name]) => name ?? '')
      .filter((name) => !/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(name));
    expect(new Set(regionNames)).toEqual(new Set(expected));
    expect(regionNames).toContain('上海市');
    expect(regionNames).toContain('义乌市');
  });

  it('drops the places a name starts with, in full or without 省/市, one after another', () => {
    expect(placePrefixLength('上海鲜果贸易有限公司')).toBe(2);
    expect(placePrefixLength('上海市鲜果贸易有限公司')).toBe(3);
    expect(placePrefixLength('广东省深圳市华强电子有限公司')).toBe(6);
    expect(placePrefixLength('深圳华强电子有限公司')).toBe(2);
    expect(placePrefixLength('义乌市小商品进出口有限公司')).toBe(3);
    expect(placePrefixLength('广西南宁东盟贸易有限公司')).toBe(4);
    expect(placePrefixLength('新疆维吾尔自治区果业集团有限公司')).toBe(8);
  });

  it('keeps a name that does not start with a place, and a name that is only a place', () => {
    expect(placePrefixLength('鲜果贸易有限公司')).toBe(0);
    expect(placePrefixLength('ACME Trading')).toBe(0);
    expect(placePrefixLength('上海市')).toBe(0);
    expect(placePrefixLength('')).toBe(0);
  });

  it('gives the short name’s initials from the whole name’s, and none when the name is its own short name', () => {
    const name = '上海鲜果贸易有限公司';
    expect(shortNameInitials(name, initialsOf(name))).toBe('xgmyyxgs');
    expect(shortNameInitials(name, initialsOf(name))).toBe(initialsOf('鲜果贸易有限公司'));
    const shenzhen = '广东省深圳市华强电子有限公司';
    expect(shortNameInitials(shenzhen, initialsOf(shenzhen))).toBe(initialsOf('华强电子有限公司'));
    expect(shortNameInitials('鲜果贸易有限公司', initialsOf('鲜果贸易有限公司'))).toBe('');
  });
});
