import type { DeclarationDoc } from '../../../shared/catalog';
import { useT } from '../../i18n/use-t';
import type { Box, Names } from './print-layout';
import { goodsCells, goodsColumns, headBoxes, paginate, promiseStatements } from './print-layout';

function BoxCell({ box }: { box: Box }) {
  return (
    <div className="print-box" data-box={box.id} style={{ gridColumn: `span ${box.span}` }}>
      <span className="print-label">{box.label}</span>
      <span className="print-value">
        {box.text.map((t, i) => (
          <span key={i}>{t}</span>
        ))}
      </span>
    </div>
  );
}

/**
 * The declaration on the official form's pages: the head's boxes, the goods table, the price
 * statements and the declarant's block on the first page; goods that do not fit go to
 * continuation pages (续页) headed with the same numbers. Every box carries `data-box` (the
 * element or box it prints), so a test can find each one and check where it is.
 */
export function PrintForm({ doc, entryId, names }: { doc: DeclarationDoc; entryId: string | null; names: Names }) {
  const t = useT();
  const ie = doc.head.IEFlag === 'E' ? 'E' : 'I';
  const rows = headBoxes(doc, names);
  const pages = paginate(doc.lines.map((line, index) => ({ line, index })));
  const title = ie === 'E' ? '中华人民共和国海关出口货物报关单' : '中华人民共和国海关进口货物报关单';
  const free = doc.tables.freeText?.[0] ?? {};
  return (
    <div className="print-doc" data-pages={pages.length}>
      {pages.map((lines, p) => (
        <section key={p} className="print-page" data-page={p + 1} aria-label={t.printPage(p + 1, pages.length)}>
          <h1 className="print-title">
            {title}
            {p > 0 ? '（续页）' : ''}
          </h1>
          <div className="print-ids">
            <span data-box="PreEntryId">预录入编号：{doc.head.PreEntryId ?? ''}</span>
            <span data-box="EntryId">海关编号：{entryId ?? doc.head.EntryId ?? ''}</span>
            <span data-box="page">
              页码/页数：{p + 1}/{pages.length}
            </span>
          </div>
          {p === 0 ? (
            <div className="print-head">
              {rows.flat().map((box) => (
                <BoxCell key={box.id} box={box} />
              ))}
            </div>
          ) : null}
          <table className="print-goods">
            <colgroup>
              {goodsColumns.map((c) => (
                <col key={c.id} style={{ width: `${c.width}%` }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {goodsColumns.map((c) => (
                  <th key={c.id} data-box={`goods-${c.id}`}>
                    {c.label[ie]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map(({ line, index }) => {
                const cells = goodsCells(doc, line, index, names);
                return (
                  <tr key={index} data-line={index + 1}>
                    {goodsColumns.map((c) => (
                      <td key={c.id} data-box={`line${index + 1}-${c.id}`}>
                        {cells[c.id].map((t, i) => (
                          <span key={i}>{t}</span>
                        ))}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="print-foot">
            <div className="print-promises" data-box="promises">
              {promiseStatements(doc).map((s) => (
                <span key={s.id} data-box={s.id}>
                  {s.label}：{s.answer}
                </span>
              ))}
            </div>
            <div className="print-box" data-box="declarant">
              <span className="print-label">报关人员 / 报关人员证号 / 电话</span>
              <span className="print-value">
                <span>{[doc.head.DeclareName, free.DecNo, free.DecBpNo].filter(Boolean).join('  ')}</span>
              </span>
            </div>
            <div className="print-box print-statement" data-box="statement">
              <span>兹申明对以上内容承担如实申报、依法纳税之法律责任</span>
            </div>
            <div className="print-box" data-box="customsNote">
              <span className="print-label">海关批注及签章</span>
            </div>
            <div className="print-box" data-box="agent">
              <span className="print-label">申报单位</span>
              <span className="print-value">
                <span>{doc.head.AgentName ?? ''}</span>
                <span>{[doc.head.AgentCode, doc.head.AgentCodeScc].filter(Boolean).join(' ')}</span>
              </span>
            </div>
            <div className="print-box" data-box="agentSeal">
              <span className="print-label">申报单位（签章）</span>
            </div>
          </div>
        </section>
      ))}
    </div>
  );
}
