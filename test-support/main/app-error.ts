import { AppError } from '../../shared/api';

/** Runs `fn` and returns the AppError it throws (any other outcome fails the test). */
export function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** The code of the AppError `fn` throws. */
export function codeOf(fn: () => unknown): string {
  return errorOf(fn).code;
}

/** Awaits `fn` and returns the AppError it rejects with (any other outcome fails the test). */
export async function rejectionOf(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** The reason and parameters of the AppError `fn` throws (what a broker reads, translated by the renderer). */
export function reasonOf(fn: () => unknown): { reason: string; params: unknown } {
  const error = errorOf(fn);
  return { reason: error.reason, params: error.params };
}
