import { regionNames } from './region-names';

// A broker calls 上海鲜果贸易有限公司 "鲜果" and types xg for it; the name's own initials (shxgmyyxgs) start
// with the place. The short name here is the name without the place names it starts with — a province,
// a prefecture or a county-level city, written in full (上海市, 广东省) or without its 省/市 (上海, 深圳),
// one after another (广东省深圳市…) — so its initials are the rest of the name's initials.

/** The autonomous regions and special administrative regions as companies' names write them. */
const shortRegions: Readonly<Record<string, string>> = {
  内蒙古自治区: '内蒙古',
  广西壮族自治区: '广西',
  西藏自治区: '西藏',
  宁夏回族自治区: '宁夏',
  新疆维吾尔自治区: '新疆',
  香港特别行政区: '香港',
  澳门特别行政区: '澳门',
};

let places: { forms: Set<string>; longest: number } | undefined;

/** Each place name in the forms a company's name starts with (two characters at least). */
function placeForms(): { forms: Set<string>; longest: number } {
  if (places) return places;
  const forms = new Set<string>();
  for (const name of regionNames) {
    forms.add(name);
    const short = shortRegions[name] ?? (/[省市]$/.test(name) ? name.slice(0, -1) : '');
    if (short.length >= 2) forms.add(short);
  }
  places = { forms, longest: Math.max(...[...forms].map((f) => f.length)) };
  return places;
}

/** A short name keeps this much at least: 上海市 alone is no company's short name. */
const SHORTEST_REST = 2;

/** How many characters of a Chinese name are the place names it starts with (0 when none). */
export function placePrefixLength(nameZh: string): number {
  const { forms, longest } = placeForms();
  let at = 0;
  for (;;) {
    let step = 0;
    for (let len = Math.min(longest, nameZh.length - at - SHORTEST_REST); len >= 2; len--) {
      if (forms.has(nameZh.slice(at, at + len))) {
        step = len;
        break;
      }
    }
    if (step === 0) return at;
    at += step;
  }
}

/**
 * The pinyin initials of a name's short name, from the whole name's initials (one letter for each Chinese character,
 * and the place names are Chinese characters only): '' when the name does not start with a place, as its own
 * initials then already start the way its short name does.
 */
export function shortNameInitials(nameZh: string, initials: string): string {
  const n = placePrefixLength(nameZh);
  return n > 0 ? initials.slice(n) : '';
}
