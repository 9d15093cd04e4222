// One document of a shipment as an HTML page of A4 sheets: the head (seller, buyer, number, date, terms), the goods
// table, its totals, the total in words and the signature. The page paginates itself in the browser (rows that do
// not fit move to a new sheet under a repeated table header), so a layout of any font and line count breaks where
// it really overflows.
import { esc, headDate, type Column, type Layout, type Role } from './layouts';
import { amountInChinese, amountInWords, englishWords, money, quantity, weight } from './printed';
import type { Shipment } from './shipment';

const titles: Record<Role, { en: string; zh: string }> = {
  invoice: { en: 'COMMERCIAL INVOICE', zh: '商业发票' },
  'packing-list': { en: 'PACKING LIST', zh: '装箱单' },
};

function word(layout: Layout, en: string, zh: string): string {
  return layout.lang === 'en' ? en : layout.lang === 'zh' ? zh : `${zh} ${en}`;
}

/** Whether every line has the same unit, so that a total quantity means something and is printed. */
export function oneUnit(s: Shipment): boolean {
  return s.lines.every((l) => l.unitCode === s.lines[0]?.unitCode);
}

function partyBlock(layout: Layout, en: string, zh: string, party: Shipment['seller']): string {
  const name = layout.lang === 'zh' && party.nameZh ? party.nameZh : party.name;
  return `<div class="party"><div class="label">${esc(word(layout, en, zh))}</div><div>${esc(name)}</div><div>${esc(party.address)}</div></div>`;
}

function facts(layout: Layout, s: Shipment, role: Role): string {
  const rows: [string, string][] = [
    [word(layout, 'Invoice No.:', '发票号：'), s.invoiceNo],
    [word(layout, 'Date:', '日期：'), headDate(layout, s)],
  ];
  if (role === 'invoice') {
    rows.push([word(layout, 'Terms of Delivery:', '价格条款：'), `${s.incoterm.code} ${s.place}`]);
    rows.push([word(layout, 'Currency:', '币制：'), s.currency.code]);
  }
  if (s.commonOrigin) {
    const origin = layout.lang === 'zh' ? s.commonOrigin.zh : s.commonOrigin.en;
    rows.push([word(layout, 'Country of Origin:', '原产国：'), origin]);
  }
  return `<table class="facts">${rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('')}</table>`;
}

function totalCell(c: Column, layout: Layout, s: Shipment): string {
  const t = s.totals;
  const [first] = c.prints;
  if (first === 'quantity' && oneUnit(s)) {
    const unit = layout.lang === 'zh' ? s.lines[0]?.unitZh : s.lines[0]?.unitEn;
    const q = quantity(t.quantity, layout.numbers);
    return esc(c.prints.includes('unit') ? `${q} ${unit ?? ''}` : q);
  }
  if (first === 'amount') return esc(money(t.amount, layout.numbers));
  if (first === 'packages') return String(t.packages);
  if (first === 'netWeight') return esc(weight(t.netWeight, layout.numbers));
  if (first === 'grossWeight') return esc(weight(t.grossWeight, layout.numbers));
  return '';
}

function table(layout: Layout, s: Shipment, role: Role): string {
  const columns = layout.columns(role, s);
  const align = (c: Column) => (c.numeric ? ' class="num"' : '');
  const head = `<thead><tr>${columns.map((c) => `<th${align(c)}>${esc(c.header)}</th>`).join('')}</tr></thead>`;
  const rows = s.lines.map(
    (l) => `<tr>${columns.map((c) => `<td${align(c)}>${c.cell(l, layout.numbers)}</td>`).join('')}</tr>`,
  );
  const labelAt = columns.findIndex((c) => !c.numeric);
  const totals = columns.map((c, i) =>
    i === labelAt
      ? `<td>${esc(word(layout, 'TOTAL:', '合计：'))}</td>`
      : `<td${align(c)}>${totalCell(c, layout, s)}</td>`,
  );
  return `<table class="goods">${head}<tbody>${rows.join('')}<tr class="total">${totals.join('')}</tr></tbody></table>`;
}

function words(layout: Layout, s: Shipment, role: Role): string {
  if (!layout.words) return '';
  if (role === 'packing-list') {
    const text =
      layout.lang === 'zh'
        ? `共计：${s.totals.packages}箱`
        : `SAY TOTAL ${englishWords(s.totals.packages)} (${s.totals.packages}) CARTONS ONLY.`;
    return `<div class="after words">${esc(text)}</div>`;
  }
  const lines = [];
  if (layout.lang !== 'zh') lines.push(amountInWords(s.totals.amount, s.currency.words));
  if (layout.lang !== 'en') lines.push(`大写：${amountInChinese(s.totals.amount, s.currency.zh)}`);
  return lines.map((t) => `<div class="after words">${esc(t)}</div>`).join('');
}

const styles = (layout: Layout) => `
@page { size: A4; margin: 0 }
* { box-sizing: border-box }
body { margin: 0; font-family: ${layout.font}; font-size: ${layout.fontSize}pt; color: #111; background: #fff }
.page { width: 210mm; height: 297mm; padding: 14mm 12mm 16mm; overflow: hidden; position: relative;
  break-after: page; background: #fff }
.page:last-child { break-after: auto }
div, td { white-space: nowrap } th { white-space: normal }
h1 { font-size: 15pt; text-align: center; margin: 0 0 5mm; letter-spacing: 0.06em }
.seller-head { text-align: center; font-size: 11pt; font-weight: bold; margin-bottom: 2mm }
.top { display: flex; justify-content: space-between; margin-bottom: 5mm; gap: 6mm }
.party { margin-bottom: 2mm } .label { font-weight: bold }
.facts td { padding: 0.3mm 1.5mm 0.3mm 0 }
table.goods { border-collapse: collapse; width: 100% }
.goods th, .goods td { padding: 1mm 1.4mm; text-align: left; vertical-align: top }
.goods .num { text-align: right }
.goods th { font-weight: bold }
.goods tr.total td { font-weight: bold }
${
  layout.table === 'bordered'
    ? '.goods th, .goods td { border: 0.6pt solid #222 }'
    : layout.table === 'striped'
      ? '.goods th { background: #ddd; border-bottom: 0.8pt solid #222 } .goods tbody tr:nth-child(even) { background: #f1f1f1 } .goods tr.total td { border-top: 0.8pt solid #222 }'
      : '.goods th { border-top: 0.8pt solid #222; border-bottom: 0.8pt solid #222 } .goods tr.total td { border-top: 0.8pt solid #222 }'
}
.after { margin-top: 3mm } .sign { margin-top: 12mm; text-align: right }
.cont { font-weight: bold; margin-bottom: 3mm }
.folio { position: absolute; bottom: 8mm; left: 0; right: 0; text-align: center; font-size: 7pt }
`;

/** Moves the rows and closing blocks that overflow a sheet to new sheets under a repeated header; numbers sheets. */
const paginate = (continued: string, folio: string, layoutSize: number) => `
(() => {
  let page = document.querySelector('.page');
  // Shrink to the sheet's width, as an ERP's "fit to page" does, before breaking into sheets.
  for (let size = ${layoutSize}; page.scrollWidth > page.clientWidth + 1 && size > 5; size -= 0.25)
    document.body.style.fontSize = size - 0.25 + 'pt';
  const fits = (p) => p.scrollHeight <= p.clientHeight + 1;
  while (!fits(page)) {
    const next = document.createElement('div');
    next.className = 'page';
    next.innerHTML = '<div class="cont">' + ${JSON.stringify(continued)} + '</div>';
    const table = page.querySelector('table.goods');
    const copy = table.cloneNode(false);
    copy.appendChild(table.tHead.cloneNode(true));
    const body = document.createElement('tbody');
    copy.appendChild(body);
    next.appendChild(copy);
    page.after(next);
    for (const block of [...page.querySelectorAll('.after')]) next.appendChild(block);
    const rows = table.tBodies[0];
    while (!fits(page) && rows.rows.length > 1) body.prepend(rows.rows[rows.rows.length - 1]);
    if (body.rows.length === 1 && rows.rows.length > 1) body.prepend(rows.rows[rows.rows.length - 1]);
    if (body.rows.length === 0) copy.remove();
    page = next;
  }
  const pages = [...document.querySelectorAll('.page')];
  if (pages.length > 1)
    pages.forEach((p, i) => {
      const f = document.createElement('div');
      f.className = 'folio';
      f.textContent = ${JSON.stringify(folio)}.replace('{n}', String(i + 1)).replace('{of}', String(pages.length));
      p.appendChild(f);
    });
  if (pages.some((p) => p.scrollWidth > p.clientWidth + 1)) document.body.dataset.overflow = 'wide';
  document.body.dataset.paginated = String(pages.length);
})();
`;

/** The HTML of one document of the shipment in the layout. */
export function documentHtml(layout: Layout, s: Shipment, role: Role): string {
  const title = word(layout, titles[role].en, titles[role].zh);
  const sellerName = layout.lang === 'zh' && s.seller.nameZh ? s.seller.nameZh : s.seller.name;
  const continued = `${title} ${s.invoiceNo} ${word(layout, '(continued)', '（续）')}`;
  const folio = layout.lang === 'zh' ? '第 {n} 页 共 {of} 页' : 'Page {n} of {of}';
  return `<!doctype html><html><head><meta charset="utf-8"><style>${styles(layout)}</style></head><body>
<div class="page">
<div class="seller-head">${esc(sellerName)}</div>
<h1>${esc(title)}</h1>
<div class="top"><div>${partyBlock(layout, 'Seller:', '卖方：', s.seller)}${partyBlock(layout, 'Buyer:', '买方：', s.buyer)}</div>${facts(layout, s, role)}</div>
${table(layout, s, role)}
${words(layout, s, role)}
<div class="after sign"><div>${esc(word(layout, `For and on behalf of ${s.seller.name}`, '卖方签章'))}</div><div>${esc(word(layout, 'Authorized Signature', '授权签字'))}</div></div>
</div>
<script>${paginate(continued, folio, layout.fontSize)}</script>
</body></html>`;
}
