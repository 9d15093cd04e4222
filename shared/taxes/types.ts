/** What the duty estimate reads and what it gives: platform-free, every amount a decimal string. */

/** The head fields the estimate reads (DecHead element values as the declaration holds them). */
export interface TaxHeadInput {
  /** I or E; only imports are estimated. */
  ieFlag: string;
  /** 成交方式 TransMode: 1 CIF, 2 C&F, 3 FOB, 4 C&I, 5 市场价, 6 垫仓, 7 EXW. */
  transMode: string;
  /** 运费标记 1 率 (%), 2 单价 (per tonne of gross weight), 3 总价. */
  feeMark: string;
  feeRate: string;
  feeCurr: string;
  /** 保险费标记 1 率 (%), 3 总价. */
  insurMark: string;
  insurRate: string;
  insurCurr: string;
  /** 毛重 in kg, for a freight given per tonne. */
  grossWt: string;
  /** 优惠贸易协定 code ('02' 中国—东盟 …) whose certificate the declaration carries; '' when none. */
  agreement: string;
}

export interface TaxLineInput {
  codeTs: string;
  /** 申报总价 in tradeCurr. */
  declTotal: string;
  tradeCurr: string;
  originCountry: string;
  firstQty: string;
  firstUnit: string;
  secondQty: string;
  secondUnit: string;
  /** 征免 DutyMode; the estimate is 照章征税 (1) whatever it says, and notes any other. */
  dutyMode: string;
}

export interface RateSource {
  /** Code table id (e.g. tariff) and the version and date of its data. */
  table: string;
  version: string;
  asOf: string;
}

/** One tariff line's import rates as the tariff writes them. */
export interface TariffRates {
  code: string;
  mfn: string;
  provisional: string;
  general: string;
  consumption: string;
  vat: string;
  /** 协定税率 by 优惠贸易协定 code; absent when the table has none for this line. */
  agreements: Readonly<Record<string, string>>;
  source: RateSource;
}

/** The 计征汇率 of one currency for one month: 元 per one unit of the currency. */
export interface ExchangeRate {
  currency: string;
  /** YYYY-MM. */
  month: string;
  rate: string;
  source: RateSource;
}

export interface TaxTables {
  tariff(code: string): TariffRates | undefined;
  /** The month's rate, or else the latest month before it the table has; undefined when none. */
  exchangeRate(currency: string, month: string): ExchangeRate | undefined;
  /** Origins without most-favoured-nation treatment (the general rate applies); none when absent. */
  generalRateOrigin?(country: string): boolean;
}

export type TaxKind = 'duty' | 'consumption' | 'vat';

export type RateBasis = 'provisional' | 'mfn' | 'agreement' | 'general' | 'consumption' | 'vat' | 'exchangeRate';

/** Why a figure is missing or what the estimate assumed: a code the renderer translates, with params. */
export interface TaxProblem {
  code: TaxProblemCode;
  /** 'missing': a figure could not be computed; 'note': computed, with an assumption or a doubt. */
  severity: 'missing' | 'note';
  /** 1-based goods line, absent for the head. */
  gNo?: number;
  params: Record<string, string>;
}

export type TaxProblemCode =
  | 'taxes.exportNotEstimated'
  | 'taxes.amountInvalid'
  | 'taxes.lineBlank'
  | 'taxes.exchangeRateMissing'
  | 'taxes.exchangeRateOld'
  | 'taxes.transModeMissing'
  | 'taxes.transModeAsDeclared'
  | 'taxes.freightMissing'
  | 'taxes.feeInvalid'
  | 'taxes.insuranceCustomsRule'
  | 'taxes.allocationIncomplete'
  | 'taxes.tariffUnknown'
  | 'taxes.tariffOld'
  | 'taxes.rateMissing'
  | 'taxes.rateUnreadable'
  | 'taxes.agreementNotApplied'
  | 'taxes.quantityMissing'
  | 'taxes.dependsOnMissing'
  | 'taxes.dutyModeNotApplied'
  | 'taxes.belowThreshold';

/** The rate a figure used and the table row it came from. */
export interface AppliedRate {
  basis: RateBasis;
  /** The rate as the table writes it. */
  text: string;
  /** 优惠贸易协定 code when basis is agreement. */
  agreement?: string;
  /**
   * The rate this one was levied over as the lower of the two (从低适用): the provisional or MFN rate an agreement
   * rate was lower than, so that the figure says what the certificate of origin saved.
   */
  over?: { basis: RateBasis; text: string };
  /** Table row: the 商品编号 (or currency for an exchange rate) in that table version. */
  row: string;
  source: RateSource;
}

/** A figure with how it was computed: the inputs by name (decimal strings) and the formula's key. */
export interface TaxFigure {
  /** Yuan to the fen; null when it could not be computed (a problem says why). */
  amount: string | null;
  rate: AppliedRate | null;
  /** adValorem | specific | compound | composite… — the renderer words it. */
  formula: string;
  inputs: Record<string, string>;
}

export interface LineEstimate {
  gNo: number;
  codeTs: string;
  /** Goods price in 元 (申报总价 × 计征汇率), freight and insurance allocated to the line, 完税价格. */
  goods: TaxFigure;
  freight: TaxFigure;
  insurance: TaxFigure;
  customsValue: TaxFigure;
  duty: TaxFigure;
  consumption: TaxFigure;
  vat: TaxFigure;
}

export interface TaxTotal {
  /** Sum of the lines' figures that could be computed. */
  computed: string;
  /** Whether every line's figure could be computed. */
  complete: boolean;
  /** What is levied: computed, or 0.00 under the 50 元 threshold (a problem says so). */
  payable: string;
}

export interface TaxEstimate {
  /** YYYY-MM-DD the estimate is for (the declaration's date) and the month of its 计征汇率. */
  date: string;
  month: string;
  lines: LineEstimate[];
  totals: Record<TaxKind, TaxTotal>;
  problems: TaxProblem[];
}
