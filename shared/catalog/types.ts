/** The value types the DecMessage uses (decmessage-fields.tsv `type`). */
export type ValueType = 'string' | 'decimal' | 'integer' | 'date' | 'datetime';

/** One data element of a document section, as the message format defines it. */
export interface ElementDef {
  /** XML element name, also the key in a Row. */
  readonly xml: string;
  readonly zh: string;
  readonly en: string;
  readonly type: ValueType;
  /** Maximum length in bytes, a Chinese character counting 2 (for decimals: total digits). */
  readonly length: number;
  /** Digits after the decimal point (decimal type only). */
  readonly decimals?: number;
  /** Id of the code table the value must come from. */
  readonly codeTable?: string;
  /** Required to save a draft (暂存必填). */
  readonly draft: boolean;
  /** Required to declare (申报必填). */
  readonly declare: boolean;
}

/** A section of the message: the head, the goods lines, or a repeating sub-table. */
export interface SectionDef {
  /** `head`, `lines`, or the table id used in field paths (`containers[0].ContainerId`). */
  readonly id: string;
  /** The XML path of one record, e.g. `DecHead`, `DecLists/DecList`, `DecContainers/Container`. */
  readonly xml: string;
  readonly zh: string;
  readonly en: string;
  /** Whether the section repeats (rows) or appears once. */
  readonly repeats: boolean;
  /** Maximum number of rows (repeating sections). */
  readonly maxRows?: number;
  /** Elements in schema order. */
  readonly elements: readonly ElementDef[];
}

export interface DocumentCatalog {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly sections: readonly SectionDef[];
}
