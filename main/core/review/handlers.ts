import type { Handlers } from '../api/dispatch';
import type { ReviewService } from './review-service';

type ReviewMethods = 'review.get' | 'review.submit' | 'review.approve' | 'review.return' | 'review.queue';

/** The contract handlers of second-person review (复核). */
export function createReviewHandlers(review: ReviewService): Pick<Handlers, ReviewMethods> {
  return {
    'review.get': ({ id }) => review.get(id),
    'review.submit': ({ id }) => review.submit(id),
    'review.approve': ({ id }) => review.approve(id),
    'review.return': ({ id, remarks }) => review.return(id, remarks),
    'review.queue': () => review.queue(),
  };
}
