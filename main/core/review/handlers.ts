import type { Handlers } from '../api/dispatch';
import type { createReviewComparison } from './review-comparison';
import type { ReviewService } from './review-service';

type ReviewMethods =
  'review.get' | 'review.submit' | 'review.approve' | 'review.return' | 'review.queue' | 'review.comparison';

/** The contract handlers of second-person review (复核). */
export function createReviewHandlers(
  review: ReviewService,
  compare: ReturnType<typeof createReviewComparison>,
): Pick<Handlers, ReviewMethods> {
  return {
    'review.comparison': ({ id }) => compare.comparison(id),
    'review.get': ({ id }) => review.get(id),
    'review.submit': ({ id }) => review.submit(id),
    'review.approve': ({ id }) => review.approve(id),
    'review.return': ({ id, remarks }) => review.return(id, remarks),
    'review.queue': () => review.queue(),
  };
}
