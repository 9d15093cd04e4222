import type { Row } from '../catalog';

/** Where an operator's default values apply: every new declaration, or only imports or exports. */
export const defaultsDirections = ['both', 'I', 'E'] as const;
export type DefaultsDirection = (typeof defaultsDirections)[number];

export interface DefaultValues {
  head: Row;
  line: Row;
}

/** An operator's defaults: those for both directions, and those for imports or exports only. */
export interface DirectedDefaults extends DefaultValues {
  import: DefaultValues;
  export: DefaultValues;
}

/** The values of one direction alone (`both`: the shared ones). */
export function defaultsOf(defaults: DirectedDefaults, direction: DefaultsDirection): DefaultValues {
  if (direction === 'I') return defaults.import;
  if (direction === 'E') return defaults.export;
  return { head: defaults.head, line: defaults.line };
}

/** What a new import or export declaration takes: the shared values, a direction's own over them. */
export function defaultsFor(defaults: DirectedDefaults, ieFlag: 'I' | 'E'): DefaultValues {
  const own = ieFlag === 'E' ? defaults.export : defaults.import;
  return { head: { ...defaults.head, ...own.head }, line: { ...defaults.line, ...own.line } };
}
