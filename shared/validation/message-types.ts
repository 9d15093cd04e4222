/** A message template: the finding's params and the label of the field it points at. */
export type Template = (params: Record<string, string | number>, field: string) => string;
export type Templates = Record<string, Template>;
