import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import type { Locale } from '../../shared/i18n/locale';
import { codeName, useCodeSearch } from '../api/code-tables';
import { messages } from '../i18n/messages';
import { placeList, popupHost } from './popup-place';

interface Props {
  id: string;
  table: string;
  value: string;
  locale: Locale;
  /** The accessible name when no <label> points at the input (grid cells). */
  ariaLabel?: string;
  describedBy?: string;
  invalid: boolean;
  readOnly: boolean;
  title?: string;
  path: string;
  onChange(value: string): void;
  onCommit(): void;
  /** Told when the list opens and closes, with `path`: while it is open the text typed is a search, not yet a code. */
  onLookup?(path: string, open: boolean): void;
}

interface Results {
  codes: string[];
  /** The matches are for what is typed now (not the previous query's, shown while the new one loads). */
  current: boolean;
}

function validityLabel(validity: 'not-yet' | 'expired' | 'retired' | 'legacy', locale: Locale): string {
  const t = messages[locale];
  return { 'not-yet': t.codeNotYetValid, expired: t.codeExpired, retired: t.codeRetired, legacy: t.codeLegacy }[
    validity
  ];
}

/** The open list: the only part that queries, so a closed picker (most of a form) costs nothing per keystroke. */
function PickerList(props: {
  listId: string;
  table: string;
  query: string;
  active: number;
  locale: Locale;
  label: string;
  anchor: RefObject<HTMLInputElement | null>;
  onResults(results: Results): void;
  onPick(code: string): void;
}) {
  const { listId, table, query, active, locale, label, anchor, onResults, onPick } = props;
  const search = useCodeSearch(table, query, true);
  const hits = useMemo(() => search.data ?? [], [search.data]);
  const current = search.isSuccess && !search.isPlaceholderData;
  const list = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState<CSSProperties | null>(null);

  useEffect(() => {
    onResults({ codes: hits.map((h) => h.code), current });
  }, [hits, current, onResults]);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  // The list floats over everything, in the window's coordinates and outside the form's boxes: a box's
  // containment (content-visibility) or a scrolling container (the goods grid) would otherwise clip it.
  useLayoutEffect(() => {
    let last = '';
    const measure = (event?: Event) => {
      if (event?.target === list.current) return;
      const rect = anchor.current?.getBoundingClientRect();
      const own = list.current;
      if (!rect || !own) return;
      const style = placeList(
        rect,
        { width: own.scrollWidth, height: own.scrollHeight + 2 },
        { width: window.innerWidth, height: window.innerHeight },
      );
      const key = JSON.stringify(style);
      if (key === last) return;
      last = key;
      setPlace(style);
    };
    measure();
    window.addEventListener('scroll', measure, true);
    window.addEventListener('resize', measure);
    return () => {
      window.removeEventListener('scroll', measure, true);
      window.removeEventListener('resize', measure);
    };
  }, [anchor, hits]);

  return createPortal(
    <ul
      className="picker-list"
      role="listbox"
      id={listId}
      ref={list}
      aria-label={label}
      style={place ?? { position: 'fixed', visibility: 'hidden' }}
    >
      {hits.length === 0 && !search.isFetching ? (
        <li className="picker-empty" role="presentation">
          {messages[locale].noCodes}
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
            onPick(hit.code);
          }}
        >
          <span className="code">{hit.code}</span> <span className="name">{codeName(hit, locale)}</span>
          {hit.validity ? <span className="code-validity"> {validityLabel(hit.validity, locale)}</span> : null}
        </li>
      ))}
    </ul>,
    popupHost(anchor.current),
  );
}

/**
 * Enter pressed before the matches for the typed text arrived: the cursor has moved on (no
 * keystroke may land in the wrong field); the first match replaces the typed text when it comes,
 * unless the field was changed since.
 */
function DeferredPick({
  table,
  query,
  value,
  onPick,
  onDone,
}: {
  table: string;
  query: string;
  value: string;
  onPick(code: string): void;
  onDone(): void;
}) {
  const search = useCodeSearch(table, query, true);
  useEffect(() => {
    if (!search.isSuccess || search.isPlaceholderData) return;
    const hit = search.data?.[0];
    if (hit && value === query && hit.code !== value) onPick(hit.code);
    onDone();
  }, [search.isSuccess, search.isPlaceholderData, search.data, value, query, onPick, onDone]);
  return null;
}

/**
 * A coded field as an ARIA combobox: type a code prefix, Chinese text or pinyin initials and the matches from
 * the code tables (a small table from the copy this window holds, the tariff from main) list below with code and
 * name; ↑↓ choose, Enter picks the highlighted code and moves on (the editor's Enter navigation runs after it),
 * Esc closes, F4 or Alt+↓ opens the list. The input always holds what the message carries: the code.
 */
export const CodePicker = memo(function CodePicker({
  id,
  table,
  value,
  locale,
  ariaLabel,
  describedBy,
  invalid,
  readOnly,
  title,
  path,
  onChange,
  onCommit,
  onLookup,
}: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open || !onLookup) return;
    onLookup(path, true);
    return () => onLookup(path, false);
  }, [open, onLookup, path]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [deferred, setDeferred] = useState<string | null>(null);
  const [count, setCount] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<Results>({ codes: [], current: false });
  const onResults = useCallback((results: Results) => {
    resultsRef.current = results;
    setCount(results.codes.length);
  }, []);

  function openWith(text: string): void {
    resultsRef.current = { codes: [], current: false };
    setQuery(text);
    setActive(0);
    setOpen(true);
  }

  function pick(code: string | undefined): void {
    if (code !== undefined) onChange(code);
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
    const { codes, current } = resultsRef.current;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      if (codes.length > 0) setActive((a) => (a + (key === 'ArrowDown' ? 1 : codes.length - 1)) % codes.length);
    } else if (key === 'Enter' && !event.shiftKey) {
      // Pick and let the event go on: the editor moves to the next field.
      if (current) pick(codes[active]);
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

  return (
    <>
      <input
        ref={input}
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active < count ? `${listId}-${active}` : undefined}
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
        <PickerList
          listId={listId}
          table={table}
          query={query}
          active={active}
          locale={locale}
          label={ariaLabel ?? messages[locale].openLookup}
          anchor={input}
          onResults={onResults}
          onPick={pick}
        />
      ) : null}
      {deferred !== null ? (
        <DeferredPick
          table={table}
          query={deferred}
          value={value}
          onPick={(code) => {
            onChange(code);
            onCommit();
          }}
          onDone={() => setDeferred(null)}
        />
      ) : null}
    </>
  );
});
