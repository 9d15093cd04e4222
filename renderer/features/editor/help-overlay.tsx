import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../state/ui-store';
import { comboText, keymap } from './keymap';
import { ColumnHeads } from '../../components/column-heads';

/** F1: every shortcut, from the one keymap the editor and the shell use. */
export function HelpOverlay() {
  const t = useT();
  const open = useUi((s) => s.helpOpen);
  const setOpen = useUi((s) => s.setHelpOpen);
  const locale = useUi((s) => s.locale);
  if (!open) return null;
  return (
    <Dialog title={t.helpTitle} open onClose={() => setOpen(false)}>
      {/* The keys scroll in their own box: the dialog itself would scroll to its focused 关闭 button and hide the
          first keys once the list is longer than the window. */}
      <div className="help-scroll">
        <table className="help-table">
          <ColumnHeads labels={[t.helpKeys, t.helpAction]} />
          <tbody>
            <tr>
              <td>
                <kbd>Tab</kbd> / <kbd>Shift+Tab</kbd>
              </td>
              <td>{locale === 'en' ? 'Next / previous control' : '下一个 / 上一个控件'}</td>
            </tr>
            {keymap.map((binding) => (
              <tr key={binding.action}>
                <td>
                  {binding.combos.map((c, i) => (
                    <span key={i}>
                      {i > 0 ? ' / ' : ''}
                      <kbd>{comboText(c)}</kbd>
                    </span>
                  ))}
                </td>
                <td>{locale === 'en' ? binding.en : binding.zh}</td>
              </tr>
            ))}
            <tr>
              <td>
                <kbd>Esc</kbd>
              </td>
              <td>{locale === 'en' ? 'Close a lookup or dialog' : '关闭代码选择或对话框'}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="primary" autoFocus onClick={() => setOpen(false)}>
          {t.close}
        </button>
      </div>
    </Dialog>
  );
}
