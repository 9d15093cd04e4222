import { useFailureState } from '../../components/failure-line';
import { useState, type FormEvent } from 'react';
import type { TemplatePart } from '../../../shared/libraries';
import { templatePartLabels, templateParts } from '../../../shared/libraries';
import type { ApiIssue } from '../../../shared/api';
import { issuesFromZod, templateNameSchema } from '../../../shared/api';
import { issueText } from '../../i18n/reasons';
import { api, ApiCallError, errorNotice } from '../../api/client';
import { queryClient } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { messages } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import { useEditorUi } from './editor-store';
import { FormFooter } from '../../components/form-footer';

/**
 * Ctrl+Shift+S: saves what is pending, then keeps the declaration — or the parts chosen — as a template under a name
 * (the same name replaces it, but only once the broker has been told and presses 替换 — Enter again from the name box —
 * since a silent replacement loses the template a colleague may have kept under that name).
 */
export function TemplateDialog({
  declarationId,
  suggestion,
  beforeSave,
}: {
  declarationId: string;
  suggestion: string;
  beforeSave(): Promise<void>;
}) {
  const t = useT();
  const open = useEditorUi((s) => s.templateOpen);
  const setOpen = useEditorUi((s) => s.setTemplateOpen);
  const notify = useUi((s) => s.notify);
  const [name, setName] = useState(suggestion);
  // Mounted with the editor, the box kept the suggestion of the moment the declaration opened (its 客户端编号, before
  // 境内收发货人 was keyed): each opening starts from the suggestion as it is now, selected, so that a name typed
  // replaces it rather than being added to its end.
  const [shown, setShown] = useState(false);
  if (open !== shown) {
    setShown(open);
    if (open) setName(suggestion);
  }
  const [parts, setParts] = useState<readonly TemplatePart[]>(templateParts);
  const [error, setError] = useFailureState();
  // What main would refuse in the name (templateNameSchema), said under its box: the form is noValidate, since the
  // browser's own bubble for an empty box speaks the browser's language, not the one chosen in the app.
  const [nameIssue, setNameIssue] = useState<ApiIssue | null>(null);
  // The name main said is taken (as typed, and as the template kept under it is named: the same but for Latin letter
  // case, "export fob" for "Export FOB"); a submit under that same name replaces it.
  const [replacing, setReplacing] = useState<{ typed: string; kept: string } | null>(null);
  const locale = useUi((s) => s.locale);
  // The dialog stays mounted with the editor: a question left standing would greet the next Ctrl+Shift+S with 替换
  // already armed, and Enter would replace without main being asked again; a problem said of the name, before
  // anything was tried.
  const close = () => {
    setReplacing(null);
    setNameIssue(null);
    setOpen(false);
  };
  if (!open) return null;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    const checked = templateNameSchema.safeParse(name);
    if (!checked.success) {
      setNameIssue(issuesFromZod(checked.error, name)[0] ?? null);
      document.getElementById('template-name')?.focus();
      return;
    }
    const wanted = name.trim();
    // Main refuses a name in use unless told to replace (checked and written at once, so no save slips in between);
    // that refusal is the question put to the broker, and 替换 sends the same name again with `replace`.
    const replace = replacing?.typed === wanted;
    try {
      await beforeSave();
      const saved = await api.invoke('templates.save', { name: wanted, declarationId, parts: [...parts], replace });
      await queryClient.invalidateQueries({ queryKey: ['templates'] });
      notify({
        kind: 'info',
        message: (l) => (replace ? messages[l].templateReplaced : messages[l].templateSaved)(saved.name),
      });
      close();
    } catch (e) {
      if (e instanceof ApiCallError && e.reason === 'templates.name-taken')
        setReplacing({ typed: wanted, kept: typeof e.params?.name === 'string' ? e.params.name : wanted });
      else setError(errorNotice(e));
    }
  }

  return (
    <Dialog title={t.saveTemplate} open onClose={close}>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="template-name">{t.templateName}</label>
          <input
            id="template-name"
            autoFocus
            onFocus={(e) => e.currentTarget.select()}
            maxLength={60}
            value={name}
            aria-invalid={nameIssue ? true : undefined}
            aria-describedby={
              nameIssue ? 'template-name-error' : replacing !== null ? 'template-name-taken' : undefined
            }
            onChange={(e) => {
              setName(e.target.value);
              setNameIssue(null);
              setReplacing(null);
            }}
          />
          {nameIssue ? (
            <span id="template-name-error" className="error-text">
              {issueText(locale, nameIssue)}
            </span>
          ) : null}
          {replacing !== null ? (
            <span id="template-name-taken" role="alert" className="warn-text">
              {t.templateExists(replacing.kept)}
            </span>
          ) : null}
        </div>
        <fieldset>
          <legend>{locale === 'en' ? 'Keep' : '包含'}</legend>
          {templateParts.map((part) => (
            <label key={part} className="inline">
              <input
                type="checkbox"
                checked={parts.includes(part)}
                onChange={(e) =>
                  setParts((p) =>
                    e.target.checked
                      ? templateParts.filter((x) => x === part || p.includes(x))
                      : p.filter((x) => x !== part),
                  )
                }
              />{' '}
              {templatePartLabels[part][locale === 'en' ? 'en' : 'zh']}
            </label>
          ))}
        </fieldset>
        <FormFooter
          error={error}
          onCancel={close}
          submitLabel={replacing !== null ? t.replace : t.ok}
          submitDisabled={parts.length === 0}
        />
      </form>
    </Dialog>
  );
}
