import { displayStatusLabels } from '../../../shared/status';
import { useDeclarationList } from '../../api/queries';
import { useT } from '../../i18n/use-t';
import { useUi } from '../../app/ui-store';

/** Every declaration with its status, newest first, searchable by the identifiers brokers use. */
export function DeclarationList() {
  const t = useT();
  const { locale, search, setSearch, selectedId, select } = useUi();
  const list = useDeclarationList({ text: search.trim() || undefined, limit: 100 });
  const items = list.data?.items ?? [];
  return (
    <nav className="list" aria-label={t.list}>
      <input type="search" aria-label={t.search} placeholder={t.search} value={search} onChange={(e) => setSearch(e.target.value)} />
      {items.length === 0 && !list.isPending ? <p className="muted">{t.empty}</p> : null}
      <ul>
        {items.map((item) => {
          const status = displayStatusLabels[item.status];
          return (
            <li key={item.id}>
              <button type="button" className={item.id === selectedId ? 'selected' : undefined} aria-current={item.id === selectedId ? 'true' : undefined} onClick={() => select(item.id)}>
                <span className="seq">{item.clientSeqNo}</span>
                <span className="name">{item.tradeName || '—'}</span>
                <span className={`status status-${item.status}`}>{locale === 'en' ? status.en : status.zh}</span>
                {item.entryId ? <span className="entry">{item.entryId}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
      {list.data && list.data.total > items.length ? <p className="muted">{`${items.length} / ${list.data.total}`}</p> : null}
    </nav>
  );
}
