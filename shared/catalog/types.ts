/** The value types the DecMessage uses (decmessage-fields.tsv `type`; `binary` is its BLOB). */
export type ValueType = 'string' | 'decimal' | 'integer' | 'date' | 'datetime' | 'binary';

/**
 * A value format the checks know beyond type and length (shared/validation/formats.ts).
 * `ymd` yyyyMMdd, `ymd-dash` yyyy-MM-dd, `ymd-hms` "yyyyMMdd hh:mm:ss", `datetime16` yyyyMMddHHmmssSS,
 * `customs-code` 10-character 海关编码, `customs-code-or-no` the same, 9 characters or the literal NO,
 * `customs-or-org-code` a 10-character 海关编码 or a 9-character 组织机构代码,
 * `uscc` 18-character 统一社会信用代码 with its GB 32100 check character, `ciq-code` 10-digit 检验检疫编码,
 * `hs-code` 10-digit 商品编号, `ciq-sub-code` 3-digit 检验检疫编码 suffix, `container-no` ISO 6346,
 * `gno-list` comma-separated line numbers ("1,3"), `promise-items` 价格说明 positions of 1/0/9.
 */
export type FormatId =
  | 'ymd'
  | 'ymd-dash'
  | 'ymd-hms'
  | 'datetime16'
  | 'customs-code'
  | 'customs-code-or-no'
  | 'customs-or-org-code'
  | 'uscc'
  | 'ciq-code'
  | 'hs-code'
  | 'ciq-sub-code'
  | 'container-no'
  | 'gno-list'
  | 'promise-items';

export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** One data element of a document section, as the message format defines it. */
export interface ElementDef {
  /** XML element name, also the key in a Row. */
  readonly xml: string;
  readonly zh: string;
  readonly en: string;
  readonly type: ValueType;
  /** Maximum length in bytes, a Chinese character counting 2 (for decimals: total digits; binary: decoded bytes). */
  readonly length: number;
  /** Digits after the decimal point (decimal type only). */
  readonly decimals?: number;
  /** Id of the code table the value must come from (resources/code-tables, shared/code-tables/tables.ts). */
  readonly codeTable?: string;
  /** Required to save a draft on the single window (暂存必填), as the import spec states it. */
  readonly draft: boolean;
  /** Required to declare (申报必填), as the import spec states it. Declaring also requires every `draft` element. */
  readonly declare: boolean;
  /**
   * Asked at 概要申报, the first step of 两步申报 (docs/two-step.md): the release data customs needs before the
   * goods leave the port. The 概要 stage requires these besides the `draft` ones; 完整申报 requires all (`declare`).
   */
  readonly summary?: boolean;
  /** A format the value must have beyond type and length. */
  readonly format?: FormatId;
  /**
   * Who fills the value when it is not the user: `customs` (returned by the single window or
   * customs, e.g. SeqNo, EntryId), `system` (written by this app from the declaration record,
   * e.g. GNo from the line position, DecSign/ClientSeqNo), `signer` (the card/key signer).
   * The required-by-stage check never asks the user for these.
   */
  readonly auto?: 'customs' | 'system' | 'signer';
  /**
   * The required flag is decided by a cross-field rule rather than by the flags above
   * (e.g. SecondQty: required exactly when the tariff has a second unit).
   */
  readonly conditional?: boolean;
  /** Kept in the document only to link rows; never written to the message (e.g. the line number of a VIN row). */
  readonly local?: boolean;
  /** Labels that differ by direction (进口/出口), e.g. TradeCountry 启运国 / 运抵国. */
  readonly ie?: { readonly I?: Label; readonly E?: Label };
  /** Spec remark worth showing as help (abridged from the import spec). */
  readonly note?: string;
}

/** How rows of a nested section point at the record they belong to. */
export interface ParentLink {
  /** Section id of the parent (`lines`, `goodsLimits`). */
  readonly section: string;
  /** The parent element after which the nested block is written (schema position). */
  readonly after: string;
  /**
   * Pairs of [child element, parent element] that must be equal for a row to belong to a
   * parent record. The parent element `#` means the parent's 1-based position (a line's GNo).
   */
  readonly keys: ReadonlyArray<readonly [string, string]>;
}

/**
 * A section of the message: the head, the goods lines, a repeating sub-table or a
 * single-occurrence block.
 *
 * How a DeclarationDoc holds each section:
 * - `head` (DecHead) is `doc.head`; paths `head.X`.
 * - `lines` (DecList) is `doc.lines`; paths `lines[i].X`.
 * - every other section is `doc.tables[id]`; paths `<id>[i].X`. Single-occurrence sections
 *   (DecFreeTxt, DecSign, TrnHead …) are tables of at most one row, `freeText[0].VoyNo`: their
 *   element names collide with DecHead's (CopCode, Sign, Note), so they cannot live in the head.
 * - nested sections (DecGoodsLimit inside DecList, DecGoodsLimitVin inside DecGoodsLimit) are
 *   flat tables whose rows carry the keys in `parent.keys` to find their parent record.
 */
export interface SectionDef {
  /** `head`, `lines`, or the table id used in field paths (`containers[0].ContainerId`). */
  readonly id: string;
  /**
   * The XML path of one record relative to its parent (the DecMessage root, or the parent
   * record for nested sections). Every segment but the last is a wrapper written once around
   * all rows (`DecContainers/Container`); a path of one segment that repeats is written once
   * per row directly under the parent (`EdocRealation`).
   */
  readonly xml: string;
  readonly zh: string;
  readonly en: string;
  /** Whether the section repeats (rows) or appears once. */
  readonly repeats: boolean;
  /** Maximum number of rows (repeating sections). */
  readonly maxRows?: number;
  /** Set for sections nested inside another section's records. */
  readonly parent?: ParentLink;
  /**
   * `user` sections are keyed in by the user; `system` ones are produced when the message is
   * written or by customs (DecSign, SddTax, DecRisk) and are not part of the entry form.
   */
  readonly filledBy?: 'user' | 'system';
  /** Where the schema order or the section's placement is uncertain, what we know. */
  readonly note?: string;
  /** Elements in schema order. */
  readonly elements: readonly ElementDef[];
}

export interface DocumentCatalog {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** The message root: element name, namespace and attributes. */
  readonly root?: { readonly xml: string; readonly namespace: string; readonly attributes: readonly ElementDef[] };
  /** Sections in the root's schema order; nested sections follow their parent. */
  readonly sections: readonly SectionDef[];
}
