import type { PatchOp } from '../../../shared/api';
import type { DeclarationDoc } from '../../../shared/catalog';
import { findSection, goodsDeclaration, MAX_LINES } from '../../../shared/catalog';
import type { Locale } from '../../../shared/i18n/locale';
import { useT } from '../../i18n/use-t';

const linesSection = findSection(goodsDeclaration, 'lines');

interface Props {
  doc: DeclarationDoc;
  editable: boolean;
  messages: Map<string, string>;
  locale: Locale;
  onField(path: string, value: string): void;
  onCommit(): void;
  onOp(op: PatchOp): void;
}

/** The goods lines as a grid: one row per DecList, a column per catalog element. */
export function LinesTable({ doc, editable, messages, locale, onField, onCommit, onOp }: Props) {
  const t = useT();
  const elements = linesSection?.elements ?? [];
  return (
    <section className="lines" aria-label={t.lines}>
      <h3>{t.lines}</h3>
      <div className="grid-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              {elements.map((def) => (
                <th key={def.xml} scope="col">
                  {locale === 'en' ? def.en : def.zh}
                </th>
              ))}
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {doc.lines.map((line, index) => (
              <tr key={index} aria-label={t.line(index + 1)}>
                <th scope="row">{index + 1}</th>
                {elements.map((def) => {
                  const path = `lines[${index}].${def.xml}`;
                  const error = messages.get(path);
                  return (
                    <td key={def.xml} className={error ? 'field-error' : undefined}>
                      <input
                        id={`line-${index}-${def.xml}`}
                        aria-label={locale === 'en' ? def.en : def.zh}
                        aria-invalid={error ? true : undefined}
                        title={error}
                        value={line[def.xml] ?? ''}
                        readOnly={!editable}
                        onChange={(e) => onField(path, e.target.value)}
                        onBlur={onCommit}
                        data-enter-nav=""
                      />
                    </td>
                  );
                })}
                <td>
                  <button type="button" disabled={!editable} onClick={() => onOp({ op: 'removeRow', table: 'lines', index })} aria-label={`${t.removeLine} ${t.line(index + 1)}`}>
                    {t.removeLine}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        disabled={!editable || doc.lines.length >= MAX_LINES}
        onClick={() => {
          onOp({ op: 'insertRow', table: 'lines' });
          // Focus the first cell of the new line once it is rendered.
          setTimeout(() => document.getElementById(`line-${doc.lines.length}-${elements[0]?.xml ?? ''}`)?.focus(), 0);
        }}
      >
        {t.addLine}
      </button>
    </section>
  );
}
