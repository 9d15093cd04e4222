import type { LibraryAfter } from '../../../shared/api';
import { AppError } from '../../../shared/api';

/**
 * `after` starts a page of the library without a search (the newest first); a search's matches
 * are ranked and page by `offset`. A client that kept `after` across a new search would get rows
 * that do not match it, so that is refused, naming the field.
 */
export function refuseAfterWithSearch(input: { query: string; after?: LibraryAfter }): void {
  if (input.after && input.query.trim() !== '') {
    const message = 'after pages the list without a search; a search pages by offset (start it again from offset 0)';
    throw new AppError('BAD_INPUT', message, [{ path: 'after', code: 'after-with-search', message }]);
  }
}
