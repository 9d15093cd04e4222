// Reads the corpus through the product's parts and scores what they give: per kind of file (text PDF, clean scan,
// noisy scan) the documents' fields, and for the text PDFs the proposed lines and head values of each pair.
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentText, ParsedDocument } from '../../shared/extract/document';
import type { ExtractFile, ExtractParts } from '../../main/core/extract/pipeline';
import type { Corpus, CorpusDocument, CorpusKind } from './corpus';
import { addCounts, rates, scoreDocument, scoreExtraction, type FieldCounts } from './score';
import { addFlags, type FlagCounts } from './flags';
import { doubtfulBelow } from '../../shared/extract/certainty';

/** OCR confidences tried as the review's threshold of a doubtful value, the product's own among them. */
export const flagThresholds = [...new Set([0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, doubtfulBelow])].sort(
  (a, b) => a - b,
);

export interface Measured {
  counts: FieldCounts;
  documents: number;
  /** Each document's share of fields right, worst first. */
  perDocument: { id: string; recall: number; error?: string }[];
  /** Milliseconds per document (reading and parsing), in corpus order. */
  times: number[];
  /** The first failure of a part, as it said it (a part missing from the build says so here). */
  failure?: string;
  /** For a scan: how the review's flags fall on its wrong and right values, by confidence threshold. */
  flags?: FlagCounts;
}

const readFile = (c: Corpus, fileName: string): ExtractFile => ({
  fileName,
  bytes: new Uint8Array(fs.readFileSync(path.join(c.dir, fileName))),
});

/** The texts of several files of one document (a scan as one picture a sheet) as one text, pages renumbered. */
export function joinTexts(fileName: string, texts: readonly DocumentText[]): DocumentText {
  const pages = texts.flatMap((t) => t.pages);
  return {
    fileName,
    pages: pages.map((p, index) => ({
      ...p,
      index,
      runs: p.runs.map((r) => ({ ...r, box: { ...r.box, page: index } })),
    })),
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function readDocument(
  c: Corpus,
  d: CorpusDocument,
  kind: CorpusKind,
  parts: ExtractParts,
): Promise<DocumentText> {
  const texts: DocumentText[] = [];
  for (const f of d.files.filter((x) => x.kind === kind)) {
    const signal = new AbortController().signal;
    texts.push(await parts.read(readFile(c, f.fileName), { signal, onProgress: () => undefined }));
  }
  return joinTexts(d.truth.fileName, texts);
}

function worstFirst(list: Measured['perDocument']): Measured['perDocument'] {
  return [...list].sort((a, b) => a.recall - b.recall || a.id.localeCompare(b.id));
}

/** The parser alone, on the text runs as laid out (what a perfect text layer gives): parsing apart from reading. */
export function measureParsing(c: Corpus, parse: (t: DocumentText) => ParsedDocument): Measured {
  const counts: FieldCounts = {};
  const perDocument: Measured['perDocument'] = [];
  const times: number[] = [];
  for (const d of c.documents) {
    const text = JSON.parse(fs.readFileSync(path.join(c.dir, d.textFile), 'utf8')) as DocumentText;
    const start = performance.now();
    const parsed = parse(text);
    times.push(performance.now() - start);
    const one = scoreDocument(d.truth, parsed);
    addCounts(counts, one);
    perDocument.push({ id: d.id, recall: rates(one).recall });
  }
  return { counts, documents: c.documents.length, perDocument: worstFirst(perDocument), times };
}

/** A tally of scored items: each item's work is timed, its failure kept, its fields added up. */
class Tally {
  readonly counts: FieldCounts = {};
  readonly perDocument: Measured['perDocument'] = [];
  readonly times: number[] = [];
  failure: string | undefined;

  async add<T>(id: string, work: () => Promise<T>, score: (got: T | null) => FieldCounts): Promise<void> {
    const start = performance.now();
    let got: T | null = null;
    let error: string | undefined;
    try {
      got = await work();
    } catch (e) {
      error = message(e);
      this.failure ??= `${id}: ${error}`;
    }
    this.times.push(performance.now() - start);
    const one = score(got);
    addCounts(this.counts, one);
    this.perDocument.push({ id, recall: rates(one).recall, ...(error ? { error } : {}) });
  }

  measured(documents: number): Measured {
    const { counts, times, failure } = this;
    return { counts, documents, perDocument: worstFirst(this.perDocument), times, failure };
  }
}

/** Each of the first `limit` documents' files of `kind` read and parsed by the parts, scored against the truth. */
export async function measureKind(
  c: Corpus,
  kind: CorpusKind,
  parts: ExtractParts,
  limit: number,
  onDocument?: (done: number, total: number) => void,
): Promise<Measured> {
  const tally = new Tally();
  const flags: FlagCounts = new Map();
  const documents = c.documents.slice(0, limit);
  for (const [i, d] of documents.entries()) {
    await tally.add(
      d.id,
      async () => parts.parse(await readDocument(c, d, kind, parts)),
      (parsed) => {
        addFlags(flags, flagThresholds, d.truth, parsed);
        return scoreDocument(d.truth, parsed);
      },
    );
    onDocument?.(i + 1, documents.length);
  }
  return { ...tally.measured(documents.length), flags };
}

/** Each pair's text PDFs through reading, parsing and proposing, scored as the goods lines and head values proposed. */
export async function measureProposals(c: Corpus, parts: ExtractParts): Promise<Measured> {
  const tally = new Tally();
  const byId = new Map(c.documents.map((d) => [d.id, d]));
  for (const pair of c.pairs) {
    const docs = [pair.invoice, pair.packingList].map((id) => byId.get(id)).filter((d) => d !== undefined);
    await tally.add(
      pair.invoice.replace(/-invoice$/, ''),
      async () => {
        const texts = await Promise.all(docs.map((d) => readDocument(c, d, 'text-pdf', parts)));
        return parts.propose(texts.map((t) => parts.parse(t)));
      },
      (extraction) => scoreExtraction(pair.extraction, extraction),
    );
  }
  return tally.measured(c.pairs.length);
}
