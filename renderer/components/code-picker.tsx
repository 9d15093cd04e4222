import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useCodeSearch } from '../features/codes/use-codes';
import { useT } from '../i18n/use-t';
import { useUi } from '../app/ui-store';

interface Props {
  id: string;
  table: string;
  value: string;
  /** The accessible name when no <label> points at the input (grid cells). */
  ariaLabel?: string;
  describedBy?: string;
  invalid: boolean;
  readOnly: boolean;
  title?: string;
  path: string;
  className?: string;
  onChange(value: string): void;
  onCommit(): void;
}

/**
 * A coded field as an ARIA combobox: type a code prefix, Chinese text or pinyin initials and
 * the matches from the local code tables list below (code and name); ↑↓ choose, Enter picks
 * the highlighted code and moves on (the editor's Enter navigation runs after it), Esc closes,
 * F4 or Alt+↓ opens the list. The input always holds what the message will carry: the code.
 */
export const CodePicker = memo(function CodePicker({ id, table, value, ariaLabel, describedBy, invalid, readOnly, title, path, className, onChange, onCommit }: Props) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useCodeSearch(table, query, open);
  const hits = useMemo(() => (open ? (search.data ?? []) : []), [open, search.data]);
  // Results for what is typed now (not the previous query's, shown while the new one loads).
  const current = search.isSuccess && !search.isPlaceholderData;
  // Enter pressed before the matches for the typed text arrived: the cursor moves on at once (no
  // keystroke may land in the wrong field) and the first match replaces the typed text when it
  // comes, unless the field was changed since.
  const [deferred, setDeferred] = useState<string | null>(null);
  const deferredSearch = useCodeSearch(table, deferred ?? '', deferred !== null);

  useEffect(() => {
    if (deferred === null || !deferredSearch.isSuccess || deferredSearch.isPlaceholderData) return;
    setDeferred(null);
    const hit = deferredSearch.data[0];
    if (hit && value === deferred && hit.code !== value) {
      onChange(hit.code);
      onCommit();
    }
  }, [deferred, deferredSearch.isSuccess, deferredSearch.isPlaceholderData, deferredSearch.data, value, onChange, onCommit]);

  const listRef = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState<CSSProperties | null>(null);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  // The list floats above scrolling containers (the goods grid scrolls): fixed, under the input.
  useLayoutEffect(() => {
    if (!open) return;
    const measure = () => {
      const rect = inputRef.current?.getBoundingClientRect();
      if (rect) setPlace({ position: 'fixed', left: rect.left, top: rect.bottom + 2, minWidth: Math.max(260, rect.width) });
    };
    measure();
    window.addEventListener('scroll', measure, true);
    window.addEventListener('resize', measure);
    return () => {
      window.removeEventListener('scroll', measure, true);
      window.removeEventListener('resize', measure);
    };
  }, [open]);

  function openWith(text: string): void {
    setQuery(text);
    setActive(0);
    setOpen(true);
  }

  function pick(index: number): void {
    const hit = hits[index];
    if (hit) onChange(hit.code);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (readOnly || event.nativeEvent.isComposing) return;
    const { key } = event;
    if (key === 'F4' || (key === 'ArrowDown' && event.altKey && !event.shiftKey)) {
      event.preventDefault();
      event.stopPropagation();
      if (open) setOpen(false);
      else openWith('');
      return;
    }
    if (!open) return;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      if (hits.length > 0) setActive((a) => (a + (key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (key === 'Enter' && !event.shiftKey) {
      // Pick and let the event go on: the editor moves to the next field.
      if (current) pick(active);
      else {
        setDeferred(query);
        setOpen(false);
      }
    } else if (key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (key === 'Tab') {
      setOpen(false);
    }
  }

  const activeHit = hits[active];
  return (
    <span className={`picker${className ? ` ${className}` : ''}`}>
      <input
        ref={inputRef}
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && activeHit ? `${listId}-${active}` : undefined}
        aria-label={ariaLabel}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        autoComplete="off"
        spellCheck={false}
        title={title}
        value={value}
        readOnly={readOnly}
        data-path={path}
        data-enter-nav=""
        onChange={(e) => {
          onChange(e.target.value);
          openWith(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          onCommit();
        }}
      />
      {open ? (
        <ul className="picker-list" role="listbox" id={listId} ref={listRef} aria-label={ariaLabel ?? t.openLookup} style={place ?? undefined}>
          {hits.length === 0 && !search.isFetching ? (
            <li className="picker-empty" role="presentation">
              {t.noCodes}
            </li>
          ) : null}
          {hits.map((hit, index) => (
            <li
              key={hit.code}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(e) => {
                // Keep focus in the input; the click picks.
                e.preventDefault();
                pick(index);
              }}
            >
              <span className="code">{hit.code}</span> <span className="name">{locale === 'en' ? hit.name_en || hit.name_zh : hit.name_zh || hit.name_en}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </span>
  );
});
