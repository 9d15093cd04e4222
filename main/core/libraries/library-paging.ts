import type { LibraryAfter } from '../../../shared/api';
import { AppError, reasonIssue } from '../../../shared/api';

/**
 * `after` starts a page of the library without a search (the newest first); a search's matches
 * are ranked and page by `offset`. A client that kept `after` across a new search would get rows
 * that do not match it, so that is refused, naming the field.
 */
export function refuseAfterWithSearch(input: { query: string; after?: LibraryAfter }): void {
  if (input.after && input.query.trim() !== '') {
    throw new AppError('libraries.after-with-search', {}, [reasonIssue('after', 'libraries.after-with-search')]);
  }
}
