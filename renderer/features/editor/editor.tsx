import { useQuery } from '@tanstack/react-query';
import { useStore } from 'zustand';
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import type { DeclarationRecord } from '../../../shared/api';
import type { Row } from '../../../shared/catalog';
import { twoStepModeOf, withTwoStepMode } from '../../../shared/catalog';
import { isEditable, statusName } from '../../../shared/status';
import { api } from '../../api/client';
import { messages } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { CopyDialog } from '../libraries/copy-dialog';
import { PartyPicker, ProductPicker } from '../libraries/library-pickers';
import { useLibraryUi } from '../libraries/library-store';
import { useLibraryT } from '../libraries/messages';
import { useUi } from '../../state/ui-store';
import { DeclareButton, useDeclare } from './declare-button';
import { useEditorUi } from './editor-store';
import { ErrorPanel } from './error-panel';
import type { FieldContext, FieldError } from './field-context';
import { footerGroups, headGroups } from './form-layout';
import { GModelDialog } from './gmodel-dialog';
import { FieldGroups, MoreHead } from './head-form';
import { LineDetail } from './line-detail';
import { LinesGrid } from './lines-grid';
import { ReceiptHistory } from './receipt-history';
import { CompleteDeadlineNote } from './complete-deadline-note';
import { CompleteButton, useCompleteDeclaration } from './complete-button';
import { Timeline } from '../sync/timeline';
import { SubTables } from './sub-tables';
import { TemplateDialog } from './template-dialog';
import type { DocEditor } from './use-doc-editor';
import { useDocEditor } from './use-doc-editor';
import { onEditorEnter, useEditorShortcuts } from './use-editor-keys';
import { usePendingFocus, useRememberPlace } from './use-field-focus';
import { useFindings } from './use-findings';
import { refreshCodeTables } from '../../api/code-tables';
import { TaxPanel } from './tax-panel';
import { useLineAmounts } from './use-line-amounts';
import { useLegalUnits } from './use-legal-units';
import { useKeyedParty } from './use-keyed-party';
import { ReviewBar, reviewHoldNow, useReview } from '../review/review-bar';
import { ReviewDiffPanel } from '../review/review-diff-panel';
import { useReviewDiffUi } from '../review/review-diff-store';
import { isModifyLocked } from '../../../shared/modify/locked-fields';
import { ModifyBar, refuseCopyRows, useModifySubmit } from '../modify/modify-bar';
import { useModifyUi } from '../modify/modify-store';
import { useKeepModDraft } from '../modify/mod-draft';

const isHeadPath = (path: string) => path.startsWith('head.') || path.startsWith('freeText[');
const isTablePath = (path: string) => !isHeadPath(path) && !path.startsWith('lines[');

/** The findings on some fields, as the same map for as long as they do not change. */
function useErrorsWhere(
  errors: ReadonlyMap<string, FieldError>,
  where: (path: string) => boolean,
): ReadonlyMap<string, FieldError> {
  const picked = [...errors].filter(([path]) => where(path));
  const signature = picked.map(([p, e]) => `${p}\u0000${e.message}\u0000${e.quiet}`).join('\u0001');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature is the content of `picked`
  return useMemo(() => new Map(picked), [signature]);
}

/** 已保存 / 未保存 / 保存中 / 保存失败, subscribed on its own so the editor does not render for it. */
function SaveIndicator({ store }: { store: DocEditor['saveStore'] }) {
  const t = useT();
  const state = useStore(store, (s) => s.state);
  const label = { saved: t.saved, dirty: t.unsaved, saving: t.saving, error: t.saveFailed }[state];
  return (
    <span className={`save-state save-${state}`} role="status" aria-live="polite">
      {label}
    </span>
  );
}

/**
 * The declaration editor, generated from the catalog and laid out like the printed 报关单: the
 * head's boxes, the goods grid, the signature block and the sub-tables in tabs, with the checks
 * beside it. Keyboard first (keymap.ts), saved as you go (use-doc-editor.ts).
 */
export function Editor(props: { record: DeclarationRecord; initialField: string | null }) {
  // 修改申请 shows an editable copy in the same form: a fresh working copy that is never saved over the declaration.
  const copy = useModifyUi((s) => s.copyOf === props.record.id);
  return <EditorForm key={copy ? 'copy' : 'declaration'} {...props} copy={copy} />;
}

function EditorForm({
  record,
  initialField,
  copy,
}: {
  record: DeclarationRecord;
  initialField: string | null;
  copy: boolean;
}) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const select = useUi((s) => s.select);
  const notify = useUi((s) => s.notify);
  // The copy starts from the draft kept of it (read once: the editor keeps the copy from then on).
  const [copyFrom] = useState(() => (copy ? useModifyUi.getState().copyFrom : null));
  const editor = useDocEditor(record, copy ? 'copy' : 'save', copyFrom);
  useKeepModDraft(record.id, editor.doc, copy);
  // Goods lines compute 申报总价/单价 and the legal quantities as the broker keys (never over a typed value).
  const amounts = useLineAmounts(editor, record.id);
  // A goods line's 商品编号 sets its legal units from the tariff (never over a unit typed for that code).
  const units = useLegalUnits({ ...amounts, docRef: editor.docRef }, record.id);
  const { structural } = units;
  const editable = copy || isEditable(record.workflow, record.channel);
  const ieFlag = record.ieFlag;
  // A customs code or USCC keyed in full in a party box fills the rest of the box (with a note and its undo).
  const setField = useKeyedParty(
    { setField: units.setField, docRef: editor.docRef, commit: editor.commit },
    record.id,
    ieFlag,
  );
  const statusRef = useRef<HTMLSpanElement>(null);
  // The declaration 申报 last stopped on for errors: its fields still to fill show as errors from then on.
  const [insistedOn, setInsistedOn] = useState<string | null>(null);
  const review = useReview(record.id).data;
  const diffOpen = useReviewDiffUi((s) => s.openFor === record.id) && !copy;
  const remarks = review?.state === 'returned' ? review.remarks : undefined;
  // The coded field whose lookup list is open, if any: its text is a search until a code is picked (use-findings).
  const [lookingUp, setLookingUp] = useState<string | null>(null);
  const onLookup = useCallback(
    (path: string, open: boolean) => setLookingUp((now) => (open ? path : now === path ? null : now)),
    [],
  );
  const checks = useFindings(editor.doc, record, locale, insistedOn === record.id, remarks, lookingUp);
  // The warnings of the last check, for the confirmation before 申报 (named there).
  const warningsRef = useRef<readonly string[]>([]);
  useEffect(() => {
    warningsRef.current = checks.listed.filter((f) => f.severity === 'warning').map((f) => f.message);
  }, [checks.listed]);
  const jump = useCallback((path: string) => useEditorUi.getState().requestFocus(path, ieFlag), [ieFlag]);
  const { errorsNow } = checks;
  const { docRef } = editor;
  const declareState = useDeclare(record, {
    beforeDeclare: editor.flush,
    errorsNow: useCallback(() => errorsNow(docRef.current), [errorsNow, docRef]),
    jump,
    recheck: refreshCodeTables,
    warningsNow: useCallback(() => warningsRef.current, []),
    stopped: useCallback(() => setInsistedOn(record.id), [record.id]),
    // 申报 says at once that it waits for 复核 rather than ask to sign and queue it.
    heldNow: useCallback(() => reviewHoldNow(record.id, record.clientSeqNo), [record.id, record.clientSeqNo]),
    // The form is read-only now and the field the cursor was in may be gone with the dialog: the cursor goes to the
    // status, which says what 申报 did (待发送, then the receipts' 已申报 …), at the top of the declaration, from
    // where Tab reaches what a broker does next with it (复制 for the next shipment, 修改申请 once it is declared)
    // and Shift+Tab the way back to the list. Not 新建 (it would leave the declaration before the broker has seen
    // it go) nor the first field (nothing there can be changed any more).
    declared: useCallback(() => statusRef.current?.focus(), []),
  });
  const { declare, dismiss } = declareState;
  const completeState = useCompleteDeclaration(record);
  // A refusal is about the declaration as it was: the first edit after it retires it (the checks list what is left).
  useEffect(dismiss, [editor.doc, dismiss]);
  const submitCopy = useModifySubmit({ record, copy, docRef, errorsNow, jump });
  useEditorShortcuts({
    editor,
    structural,
    ieFlag,
    editable,
    findings: checks.listed,
    declare: copy ? submitCopy : () => void declare(),
    complete: () => void completeState.open(),
    ...(copy ? { refuseRows: refuseCopyRows } : {}),
  });
  const gmodelLine = useEditorUi((s) => s.gmodelLine);
  const lt = useLibraryT();
  const partyPicker = useLibraryUi((s) => s.partyPicker);
  const productPicker = useLibraryUi((s) => s.productPicker);
  // The operator's goods-line defaults, ready for the next new line (lineDefaults reads this cache).
  useQuery({ queryKey: ['defaults'], queryFn: () => api.invoke('defaults.get', {}) });
  usePendingFocus(ieFlag);
  useRememberPlace(record.id, initialField);

  const namer = checks.codeName;
  const codeName = useCallback((table: string, code: string) => namer(table, code, locale), [namer, locale]);
  const { commit } = editor;
  const { doc } = editor;
  const locked = copy ? isModifyLocked : undefined;
  const ctx: FieldContext = useMemo(
    () => ({
      doc,
      errors: checks.errors,
      locale,
      ieFlag,
      editable,
      locked,
      fixedRows: copy,
      setField,
      commit,
      onLookup,
      codeName,
    }),
    [doc, checks.errors, locale, ieFlag, editable, locked, copy, setField, commit, onLookup, codeName],
  );
  // The head (with 自由文本) and the sub-tables see only their part of the document, so typing in
  // a goods line does not rebuild the head's ninety fields, and the other way round.
  // Their findings too: a check that changes a goods line's findings leaves the head alone.
  const freeText = doc.tables.freeText;
  const headNow = useCallback(() => docRef.current.head, [docRef]);
  const headErrors = useErrorsWhere(checks.errors, isHeadPath);
  const tableErrors = useErrorsWhere(checks.errors, isTablePath);
  const headCtx: FieldContext = useMemo(
    () => ({
      ...ctx,
      headNow,
      errors: headErrors,
      doc: { head: doc.head, lines: [], tables: freeText ? { freeText } : ({} as Record<string, Row[]>) },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ctx's doc and errors are the parts replaced here
    [doc.head, freeText, headErrors, locale, ieFlag, editable, locked, setField, commit, codeName, headNow],
  );
  const tablesCtx: FieldContext = useMemo(
    () => ({ ...ctx, errors: tableErrors, doc: { head: {}, lines: [], tables: doc.tables } }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ctx's doc and errors are the parts replaced here
    [doc.tables, tableErrors, locale, ieFlag, editable, locked, setField, commit, codeName],
  );

  useEffect(() => {
    useEditorUi.getState().reset();
    useLibraryUi.setState({ partyPicker: null, productPicker: null, copyOpen: false });
    const first = initialField ?? (editable ? 'head.TradeName' : null);
    if (first) useEditorUi.getState().requestFocus(first, ieFlag);
    // Only when a declaration is opened.
  }, [record.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const { restored } = editor;
  useEffect(() => {
    if (restored > 0)
      notify({ kind: 'info', message: (l) => messages[l].restored(restored), declarationId: record.id });
  }, [restored]); // eslint-disable-line react-hooks/exhaustive-deps

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const path = (event.target as HTMLElement).dataset.path;
    if (path && !path.startsWith('gmodel.')) useEditorUi.getState().setCurrent(path);
  }, []);

  // Which step of 两步申报 this is, from DecHead/Type as keyed (nothing for a one-step declaration).
  const step = twoStepModeOf(editor.doc.head.Type);
  const gmodelRow = gmodelLine === null ? undefined : editor.doc.lines[gmodelLine];

  return (
    <section
      className="editor"
      aria-label={`${t.clientSeqNo} ${record.clientSeqNo}`}
      onKeyDown={onEditorEnter}
      onFocus={onFocus}
    >
      <header className="editor-header">
        <button type="button" className="link back" onClick={() => select(null)}>
          ← {t.back}
        </button>
        <h2>
          {record.ieFlag === 'I' ? t.import : t.export} · {record.clientSeqNo}
        </h2>
        <p className="status-line">
          <span
            className={`status status-${record.status}`}
            data-testid="declaration-status"
            ref={statusRef}
            tabIndex={-1}
          >
            {statusName(record.status, locale)}
          </span>
          {step ? (
            <span className="two-step" data-testid="two-step">
              {step === 'summary' ? t.stepSummary : t.stepComplete}
            </span>
          ) : null}
          {record.entryId ? (
            <span data-testid="entry-id">
              {t.entryId} {record.entryId}
            </span>
          ) : null}
          {record.seqNo ? (
            <span>
              {t.seqNo} {record.seqNo}
            </span>
          ) : null}
          {!step && editable && record.ieFlag === 'I' && record.workflow === 'draft' ? (
            // 两步申报 is an import's: a new draft becomes its 概要申报 (DecHead/Type's third position 5), and the
            // checks then ask the 概要 fields only.
            <button
              type="button"
              className="link"
              onClick={() => {
                setField('head.Type', withTwoStepMode(editor.doc.head.Type, 'summary'));
                commit();
              }}
            >
              {t.makeSummary}
            </button>
          ) : null}
          <CompleteButton state={completeState} />
          {copy ? null : <SaveIndicator store={editor.saveStore} />}
          <span className="muted">{t.helpHint}</span>
          <button
            type="button"
            className="link"
            aria-keyshortcuts="Alt+Shift+C"
            onClick={() => useLibraryUi.getState().setCopyOpen(true)}
          >
            {lt.copyButton}
          </button>
        </p>
        <ModifyBar record={record} copy={copy} edited={editor.doc} submit={submitCopy} codeName={codeName} />
        {copy ? null : (
          <ReviewBar
            record={record}
            editable={editable}
            lineCount={editor.doc.lines.length}
            saveStore={editor.saveStore}
            beforeSubmit={editor.flush}
          />
        )}
        {editor.error ? <p className="error-text">{editor.error(locale)}</p> : null}
        {!editable ? <p className="muted">{t.readOnly}</p> : null}
      </header>

      <div className="editor-body">
        <div className="editor-main">
          <CompleteDeadlineNote record={record} />
          <fieldset className="head-form" disabled={!editable} aria-label={t.head}>
            <legend className="sr-only">{t.head}</legend>
            <FieldGroups groups={headGroups} ctx={headCtx} />
            <MoreHead ctx={headCtx} />
          </fieldset>
          <LinesGrid ctx={ctx} onOp={structural} />
          <LineDetail ctx={ctx} />
          <fieldset className="footer-form" disabled={!editable} aria-label={t.signature}>
            <legend className="sr-only">{t.signature}</legend>
            <FieldGroups groups={footerGroups} ctx={headCtx} />
          </fieldset>
          <SubTables ctx={tablesCtx} onOp={editor.structural} declarationId={record.id} />
          <div className="actions">{copy ? null : <DeclareButton state={declareState} disabled={!editable} />}</div>
          <ReceiptHistory id={record.id} />
          <Timeline id={record.id} ieFlag={record.ieFlag} />
        </div>
        <aside className="editor-side">
          {diffOpen ? <ReviewDiffPanel id={record.id} ieFlag={ieFlag} codeName={codeName} onJump={jump} /> : null}
          <ErrorPanel
            findings={checks.listed}
            errorCount={checks.errorCount}
            refusal={declareState.refusal}
            onJump={jump}
          />
          <TaxPanel
            doc={editor.doc}
            ieFlag={record.ieFlag}
            clientSeqNo={record.clientSeqNo}
            declarationId={record.id}
            declaredAt={record.declaredAt}
          />
        </aside>
      </div>
      {gmodelLine !== null && gmodelRow ? (
        <GModelDialog
          codeTs={gmodelRow.CodeTS ?? ''}
          gmodel={gmodelRow.GModel ?? ''}
          line={gmodelLine}
          onApply={(value) => {
            setField(`lines[${gmodelLine}].GModel`, value);
            editor.commit();
          }}
        />
      ) : null}
      <TemplateDialog
        declarationId={record.id}
        suggestion={editor.doc.head.TradeName ?? record.clientSeqNo}
        beforeSave={editor.flush}
      />
      {partyPicker ? (
        <PartyPicker key={partyPicker} slot={partyPicker} target={{ doc: editor.doc, ieFlag, setField, commit }} />
      ) : null}
      {productPicker !== null ? (
        <ProductPicker
          key={productPicker}
          line={productPicker}
          target={{ doc: editor.doc, ieFlag, setField, commit }}
        />
      ) : null}
      <CopyDialog record={record} beforeCopy={editor.flush} />
    </section>
  );
}
