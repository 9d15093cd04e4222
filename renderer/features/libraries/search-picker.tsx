import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Dialog } from '../../components/dialog';

interface Props<T> {
  title: string;
  searchLabel: string;
  hint: string;
  empty: string;
  closeLabel: string;
  query: string;
  onQuery(query: string): void;
  items: readonly T[];
  itemKey(item: T): string;
  /** The option's text (its accessible name). */
  renderItem(item: T): ReactNode;
  onPick(item: T): void;
  onClose(): void;
  /** Extra controls under the search box (a role filter). */
  children?: ReactNode;
}

/**
 * A search-and-pick dialog that never leaves the keyboard: type (code, name or pinyin initials),
 * ↑↓ move through the matches, Enter picks, Esc closes. The template, party and product pickers.
 */
export function SearchPicker<T>({
  title,
  searchLabel,
  hint,
  empty,
  closeLabel,
  query,
  onQuery,
  items,
  itemKey,
  renderItem,
  onPick,
  onClose,
  children,
}: Props<T>) {
  const listId = useId();
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const current = Math.min(active, Math.max(0, items.length - 1));

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (items.length > 0)
        setActive(
          (a) => (Math.min(a, items.length - 1) + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length,
        );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = items[current];
      if (item) onPick(item);
    }
  }

  return (
    <Dialog title={title} open onClose={onClose}>
      <div className="search-picker">
        <div className="field">
          <label htmlFor={`${listId}-q`}>{searchLabel}</label>
          <input
            id={`${listId}-q`}
            ref={input}
            role="combobox"
            aria-expanded
            aria-controls={listId}
            aria-activedescendant={items.length > 0 ? `${listId}-${current}` : undefined}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => {
              setActive(0);
              onQuery(e.target.value);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        {children}
        <p className="muted">{hint}</p>
        <ul className="picker-results" role="listbox" id={listId} ref={list} aria-label={title}>
          {items.length === 0 ? (
            <li className="muted" role="presentation">
              {empty}
            </li>
          ) : null}
          {items.map((item, index) => (
            <li
              key={itemKey(item)}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === current}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(item)}
            >
              {renderItem(item)}
            </li>
          ))}
        </ul>
        <div className="actions">
          <button type="button" onClick={onClose}>
            {closeLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
