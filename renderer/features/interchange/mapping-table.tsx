import type { MethodOutput } from '../../../shared/api';
import { useUi } from '../../state/ui-store';
import { useInterchangeT } from './messages';
import { ColumnHeads } from '../../components/column-heads';

type Preview = MethodOutput<'interchange.previewLines'>;

/**
 * The file's sheet and header row (changing either reads the file again) and its row count, above
 * the mapping table in every import that maps columns.
 */
export function SheetOptions({
  preview,
  labels,
  onRead,
}: {
  preview: Pick<Preview, 'sheets' | 'sheet' | 'headerRow' | 'rowCount'>;
  labels: { sheet: string; headerRow: string; rows(count: number): string };
  onRead(options: { sheet?: string; headerRow?: number }): void;
}) {
  return (
    <p className="lines-import-options">
      {preview.sheets.length > 1 ? (
        <label>
          {labels.sheet}{' '}
          <select value={preview.sheet ?? ''} onChange={(e) => onRead({ sheet: e.target.value })}>
            {preview.sheets.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        {labels.headerRow}{' '}
        <input
          type="number"
          min={0}
          max={50}
          value={preview.headerRow}
          onChange={(e) =>
            onRead({ ...(preview.sheet ? { sheet: preview.sheet } : {}), headerRow: Number(e.target.value) })
          }
        />
      </label>
      <span className="muted">{labels.rows(preview.rowCount)}</span>
    </p>
  );
}

/**
 * The mapping step's table: each column of the sheet with its letter, header and first values,
 * and where it goes (guessed, always changeable). The goods-line import and the party and
 * product libraries' imports show the same table.
 */
export function MappingTable({
  preview,
  targets,
  onChange,
}: {
  preview: Pick<Preview, 'columns' | 'targets'>;
  targets: ReadonlyMap<number, string>;
  onChange(next: Map<number, string>): void;
}) {
  const t = useInterchangeT();
  const locale = useUi((s) => s.locale);
  const label = (target: { zh: string; en: string }) => (locale === 'en' ? target.en : target.zh);
  return (
    <table className="lines-mapping">
      <ColumnHeads labels={[t.column, t.header, t.samples, t.target]} />
      <tbody>
        {preview.columns.map((c) => (
          <tr key={c.index}>
            <td>{c.letter}</td>
            <td>{c.header}</td>
            <td className="muted">
              {c.samples
                .filter((s) => s !== '')
                .slice(0, 3)
                .join(' · ')}
            </td>
            <td>
              <select
                aria-label={`${t.target} ${c.letter} ${c.header}`}
                value={targets.get(c.index) ?? ''}
                onChange={(e) => {
                  const next = new Map(targets);
                  if (e.target.value) next.set(c.index, e.target.value);
                  else next.delete(c.index);
                  onChange(next);
                }}
              >
                <option value="">{t.ignore}</option>
                {preview.targets.map((target) => (
                  <option key={target.target} value={target.target}>
                    {label(target)}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The mapping the table shows, as the import methods take it. */
export function mappingOf(
  preview: Pick<Preview, 'columns' | 'sheet' | 'headerRow'>,
  targets: ReadonlyMap<number, string>,
) {
  const columns = preview.columns.flatMap((c) => {
    const target = targets.get(c.index);
    return target ? [{ index: c.index, header: c.header, target }] : [];
  });
  return { sheet: preview.sheet, headerRow: preview.headerRow, columns };
}
