import type { DeclarationRecord } from '../../../shared/api';
import type { Locale } from '../../../shared/i18n/locale';
import { findSection, goodsDeclaration } from '../../../shared/catalog';
import { displayStatusLabels, isEditable } from '../../../shared/status';
import type { Finding } from '../../../shared/validation';
import { formatFinding, validateDeclaration } from '../../../shared/validation';
import { useMemo } from 'react';
import { FieldInput } from '../../components/field-input';
import { onEnterNavigate } from '../../components/enter-navigation';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../app/ui-store';
import { DeclareButton } from './declare-button';
import { LinesTable } from './lines-table';
import { ReceiptHistory } from './receipt-history';
import { useDocEditor } from './use-doc-editor';

const headSection = findSection(goodsDeclaration, 'head');

function label(def: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en' ? def.en : def.zh;
}

/** The declaration editor: head fields and goods lines from the catalog, checked as you type, saved as you go. */
export function Editor({ record }: { record: DeclarationRecord }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const editor = useDocEditor(record);
  const editable = isEditable(record.workflow, record.channel);
  const findings = useMemo(
    () => validateDeclaration(editor.doc, { catalog: goodsDeclaration, stage: 'declare', ieFlag: record.ieFlag }),
    [editor.doc, record.ieFlag],
  );
  const messages = useMemo(() => {
    const byPath = new Map<string, string>();
    const add = (f: Finding) => {
      if (!byPath.has(f.path)) byPath.set(f.path, formatFinding(goodsDeclaration, f, locale));
    };
    findings.filter((f) => f.severity === 'error').forEach(add);
    for (const r of record.rejection ?? []) if (!byPath.has(r.path)) byPath.set(r.path, r.message);
    return byPath;
  }, [findings, record.rejection, locale]);
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  const saveLabel = { saved: t.saved, dirty: t.unsaved, saving: t.saving, error: t.saveFailed }[editor.saveState];
  const status = displayStatusLabels[record.status];

  return (
    <section className="editor" aria-label={`${t.clientSeqNo} ${record.clientSeqNo}`} onKeyDown={onEnterNavigate}>
      <header className="editor-header">
        <h2>
          {record.ieFlag === 'I' ? t.import : t.export} · {record.clientSeqNo}
        </h2>
        <p className="status-line">
          <span className={`status status-${record.status}`} data-testid="declaration-status">
            {locale === 'en' ? status.en : status.zh}
          </span>
          {record.entryId ? (
            <span data-testid="entry-id">
              {t.entryId} {record.entryId}
            </span>
          ) : null}
          <span className={`save-state save-${editor.saveState}`} role="status" aria-live="polite">
            {saveLabel}
          </span>
        </p>
        {editor.error ? <p className="error-text">{editor.error}</p> : null}
        {!editable ? <p className="muted">{t.readOnly}</p> : null}
      </header>

      <fieldset className="head-fields" disabled={!editable}>
        <legend>{t.head}</legend>
        {headSection?.elements
          .filter((def) => def.xml !== 'IEFlag')
          .map((def) => (
            <FieldInput
              key={def.xml}
              id={`head-${def.xml}`}
              def={def}
              label={label(def, locale)}
              value={editor.doc.head[def.xml] ?? ''}
              readOnly={!editable}
              error={messages.get(`head.${def.xml}`)}
              onChange={(value) => editor.setField(`head.${def.xml}`, value)}
              onCommit={editor.commit}
            />
          ))}
      </fieldset>

      <LinesTable doc={editor.doc} editable={editable} messages={messages} locale={locale} onField={editor.setField} onCommit={editor.commit} onOp={editor.structural} />

      <section className="findings" aria-label={t.findings(errorCount)}>
        <h3>{t.findings(errorCount)}</h3>
        <ul>
          {[...messages.entries()].slice(0, 50).map(([path, message]) => (
            <li key={path}>
              <button type="button" className="link" onClick={() => focusPath(path)}>
                {message}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <div className="actions">
        <DeclareButton record={record} disabled={!editable} beforeDeclare={editor.flush} />
      </div>

      <ReceiptHistory id={record.id} />
    </section>
  );
}

/** Moves focus to the input a finding points at. */
function focusPath(path: string): void {
  const head = /^head\.(\w+)$/.exec(path);
  const row = /^lines\[(\d+)\]\.(\w+)$/.exec(path);
  const id = head ? `head-${head[1]}` : row ? `line-${row[1]}-${row[2]}` : null;
  if (id) document.getElementById(id)?.focus();
}
