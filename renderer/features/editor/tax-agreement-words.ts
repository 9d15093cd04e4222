import type { Locale } from '../../../shared/i18n/locale';
import { agreementByCode } from '../../../shared/taxes/agreements';

// Why the duty estimate did not levy an agreement's rate on a line, in the UI language (taxes.agreementNotApplied).

type P = Record<string, string>;

/** An agreement by its 优惠贸易协定 code and name: 中国—东盟自贸协定（02） / China–ASEAN FTA (02). */
export function agreementName(locale: Locale, code: string): string {
  const a = agreementByCode(code);
  if (locale === 'en') return a ? `${a.nameEn} (${code})` : `agreement ${code}`;
  return a ? `${a.nameZh}（${code}）` : `优惠贸易协定 ${code}`;
}

const zh: Record<string, (p: P, name: string) => string> = {
  notDeclared: (p, name) =>
    `原产国 ${p.country} 可适用${name}协定税率 ${p.text}，但未申报优惠贸易协定（原产地证明），未按协定税率计算`,
  notMember: (p, name) => `原产国 ${p.country} 不是${name}的成员，未按协定税率计算`,
  notLower: (p, name) => `${name}协定税率 ${p.text} 不低于所用税率，从低适用，未用协定税率`,
  noRate: (_p, name) => `税则中本商品没有${name}的协定税率`,
  unreadable: (p, name) => `${name}协定税率“${p.text}”无法识别，未按协定税率计算`,
  unknown: (_p, name) => `${name}不在协定表中（其代码或成员国未有来源，见 docs/taxes.md），未按协定税率计算`,
};
const en: Record<string, (p: P, name: string) => string> = {
  notDeclared: (p, name) =>
    `Origin ${p.country} qualifies for the ${name} rate ${p.text}, but no preferential agreement (origin certificate) is declared: not applied`,
  notMember: (p, name) => `Origin ${p.country} is not a party to the ${name}: its rate is not applied`,
  notLower: (p, name) => `The ${name} rate ${p.text} is not lower than the rate used (the lower applies): not applied`,
  noRate: (_p, name) => `The tariff gives this line no ${name} rate`,
  unreadable: (p, name) => `The ${name} rate "${p.text}" cannot be read: not applied`,
  unknown: (_p, name) => `The ${name} is not in the agreement table (no source for its code or parties): not applied`,
};

export function agreementWords(locale: Locale, p: P): string {
  const name = agreementName(locale, p.agreement ?? '');
  const words = (locale === 'en' ? en : zh)[p.reason ?? ''];
  return words ? words(p, name) : name;
}
