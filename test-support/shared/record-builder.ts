/**
 * A test's builder of one kind of record: each call makes the record afresh from `defaults` (so no two tests share its
 * arrays or objects) with what the test sets over it.
 */
export function recordBuilder<T extends object>(defaults: () => T): (overrides?: Partial<T>) => T {
  return (overrides = {}) => ({ ...defaults(), ...overrides });
}
