import { useEffect, useRef, useState } from 'react';
import type { ExtractProgress, ExtractResult, LineImportReport } from '../../../shared/api';
import { MAX_EXTRACT_FILES } from '../../../shared/api';
import { api, errorNotice, saidFailure } from '../../api/client';
import { queryClient } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { FailureLine, useFailureState } from '../../components/failure-line';
import type { Locale } from '../../../shared/i18n/locale';
import { useUi } from '../../state/ui-store';
import { useT } from '../../i18n/use-t';
import { fileToBase64 } from '../interchange/files';
import { useInterchange } from '../interchange/interchange-store';
import { useExtract } from './extract-store';
import { extractMessages, useExtractT } from './messages';
import { PageView, type PagePlace } from './page-view';
import type { DraftHead, DraftLine } from './review-model';
import { acceptedOf, draftOf, isSpreadsheet } from './review-model';
import { pointedBox, ReviewTable, type Pointed } from './review-table';

type Stage =
  | { kind: 'pick' }
  | { kind: 'reading'; progress: ExtractProgress | null; jobId: string | null }
  | { kind: 'review'; result: ExtractResult };

/**
 * Goods lines from the customer's invoice and packing list: the files picked, read on this machine with progress and
 * cancel, then reviewed beside the page they came from. Nothing is written until 接受; 撤销 then takes it back.
 */
export function ExtractScreen() {
  const t = useExtractT();
  const common = useT();
  const declarationId = useExtract((s) => s.declarationId);
  const close = useExtract((s) => s.close);
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const [draft, setDraft] = useState<{ lines: DraftLine[]; head: DraftHead[] }>({ lines: [], head: [] });
  const [place, setPlace] = useState<PagePlace>({ file: 0, page: 0 });
  const [pointed, setPointed] = useState<Pointed | null>(null);
  const [refusal, setRefusal] = useState<LineImportReport | null>(null);
  // Worded when shown, in the language of that moment: the progress listener outlives a change of language. main's
  // detail goes under 详情 (a file the reader could not open says why only there).
  const [failure, setFailure] = useFailureState();
  const heard = useRef(new Map<string, ExtractProgress>());
  const jobRef = useRef<string | null>(null);

  // One listener for the screen's life: what it sets is worded at render, in the language of that moment.
  useEffect(
    () =>
      api.on('extract.progress', (p) => {
        heard.current.set(p.jobId, p);
        if (p.jobId === jobRef.current) void advance(p);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one listener for the screen's life (setters are stable)
    [],
  );

  function reset() {
    jobRef.current = null;
    heard.current.clear();
    setStage({ kind: 'pick' });
    setRefusal(null);
    setFailure(null);
    setPointed(null);
  }

  async function advance(progress: ExtractProgress) {
    if (progress.state === 'reading') {
      setStage({ kind: 'reading', progress, jobId: progress.jobId });
      return;
    }
    jobRef.current = null;
    if (progress.state === 'done') {
      const result = await api.invoke('extract.result', { jobId: progress.jobId });
      setDraft(draftOf(result));
      setPlace({ file: 0, page: 0 });
      setStage({ kind: 'review', result });
      return;
    }
    setStage({ kind: 'pick' });
    const { error } = progress;
    setFailure(progress.state === 'cancelled' ? (l: Locale) => extractMessages[l].cancelled : saidFailure(error));
  }

  async function start(files: File[]) {
    if (!declarationId || files.length === 0) return;
    setFailure(null);
    const sheet = files.find((f) => isSpreadsheet(f.name));
    if (sheet) {
      // A spreadsheet's cells are read exactly through the column mapping, not as a picture of a page.
      close();
      reset();
      useInterchange.getState().open('lines', declarationId, sheet);
      return;
    }
    setStage({ kind: 'reading', progress: null, jobId: null });
    try {
      const encoded = await Promise.all(
        files.slice(0, MAX_EXTRACT_FILES).map(async (f) => ({
          fileName: f.name.slice(0, 255),
          contentBase64: await fileToBase64(f),
        })),
      );
      const { jobId } = await api.invoke('extract.start', { id: declarationId, files: encoded });
      jobRef.current = jobId;
      await advance(heard.current.get(jobId) ?? (await api.invoke('extract.status', { jobId })));
    } catch (e) {
      setStage({ kind: 'pick' });
      setFailure(errorNotice(e));
    }
  }

  async function cancel() {
    const jobId = jobRef.current;
    if (jobId) await api.invoke('extract.cancel', { jobId }).catch(() => undefined);
  }

  async function accept(result: ExtractResult) {
    setFailure(null);
    setRefusal(null);
    try {
      const accepted = acceptedOf(draft);
      const report = await api.invoke('extract.apply', {
        jobId: result.jobId,
        id: result.declarationId,
        baseRevision: result.baseRevision,
        ...accepted,
      });
      if (!report.written || report.revision === null) {
        setRefusal(report);
        return;
      }
      // The record and the 撤销 offer over the editor (undo-bar.tsx) are read again.
      await queryClient.invalidateQueries({ queryKey: ['declaration', result.declarationId] });
      close();
      reset();
    } catch (e) {
      setFailure(errorNotice(e));
    }
  }

  /** Closes the screen, stopping a reading and writing nothing. */
  function leave() {
    void cancel();
    close();
    reset();
  }

  const shown = stage.kind === 'review' ? pointedBox(stage.result, pointed) : null;
  // The page the value is on is shown when the broker comes to it.
  function point(result: ExtractResult, next: Pointed | null) {
    setPointed(next);
    const box = pointedBox(result, next);
    if (box) setPlace({ file: box.file, page: box.box.page });
  }

  const progress = stage.kind === 'reading' ? stage.progress : null;
  return (
    <Dialog title={t.title} open={declarationId !== null} onClose={leave}>
      <div className={`extract-screen extract-${stage.kind}`}>
        {stage.kind === 'pick' ? (
          <label className="extract-pick">
            <span>{t.choose}</span>{' '}
            <input
              type="file"
              // Focus stays in the dialog as its stages replace one another: on the page's body, the editor's
              // shortcuts under the dialog would act, and Tab would start from the window's top.
              autoFocus
              multiple
              accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,.xlsx,.xls,.csv"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                void start(files);
              }}
            />
          </label>
        ) : null}
        {stage.kind === 'pick' ? (
          // Esc closes it too, but the screen that opens on a file box alone offered no button to leave it by.
          <div className="form-footer">
            <button type="button" onClick={leave}>
              {common.close}
            </button>
          </div>
        ) : null}
        {stage.kind === 'reading' ? (
          <div className="extract-progress" role="status">
            <p>{t.reading(progress?.fileName ?? '', progress?.page ?? 0, progress?.pages ?? 0)}</p>
            {progress?.ocr !== null && progress?.ocr !== undefined ? (
              <p>
                <progress max={100} value={Math.round(progress.ocr * 100)} /> {t.ocr(Math.round(progress.ocr * 100))}
              </p>
            ) : null}
            <button type="button" autoFocus onClick={() => void cancel()}>
              {t.cancel}
            </button>
          </div>
        ) : null}
        {stage.kind === 'review' ? (
          <>
            <div className="extract-panes">
              <PageView result={stage.result} place={place} onPlace={setPlace} highlight={shown?.box ?? null} />
              <ReviewTable
                result={stage.result}
                draft={draft}
                onDraft={setDraft}
                onPoint={(p) => point(stage.result, p)}
              />
            </div>
            {refusal ? (
              <div className="error-text" role="alert">
                <p>{t.refused(refusal.errorCount)}</p>
                <ul>
                  {refusal.errors.map((e, i) => (
                    <li key={i}>
                      {e.row !== null ? `${e.row}: ` : ''}
                      {useUi.getState().locale === 'en' ? e.messageEn : e.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div className="form-footer extract-footer">
              <button type="button" className="primary" onClick={() => void accept(stage.result)}>
                {t.accept}
              </button>
              <button type="button" onClick={leave}>
                {t.discard}
              </button>
            </div>
          </>
        ) : null}
        <FailureLine error={failure} />
      </div>
    </Dialog>
  );
}
