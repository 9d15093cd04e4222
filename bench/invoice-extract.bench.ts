// Goods lines from a customer's invoice and packing list: how many fields the product reads right from the generated
// corpus (bench/extract/), per kind of file, and how fast a 3-sheet 50-line text PDF and a scanned sheet become
// proposed lines. The corpus is made into the system's temp folder on the first run (minutes of Chromium, said
// below) and reused while the generator is unchanged. SWDESK_BENCH_SHIPMENTS sets its size (default 36 shipments,
// 72 documents); SWDESK_BENCH_SCANS how many documents of each scan kind are read (default all: OCR is slow);
// SWDESK_BENCH_OCR_CACHE=1 keeps what the OCR read of each page (extract/ocr-cache.ts) and reuses it, for measuring
// how words become runs quickly (the scanned sheet's speed is then still read afresh).
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../shared/extract/parse';
import { createExtractParts } from '../main/core/extract/parts';
import { runPipeline, type ExtractFile, type ExtractParts } from '../main/core/extract/pipeline';
import { tesseractEngine } from '../main/core/extract/ocr/tesseract-engine';
import { builtinFinder } from '../test-support/main/code-tables';
import { corpus, type Corpus } from './extract/corpus';
import { measureKind, measureParsing, measureProposals, type Measured } from './extract/measure';
import { ocrCache } from './extract/ocr-cache';
import { fieldTable, rates } from './extract/score';
import { doubtfulBelow } from '../shared/extract/certainty';
import { p95Result, round, sample, type BenchResult } from './harness';

const pct = (v: number) => round(v * 100, 1);

/**
 * For a scan: the share of its wrong values the review flags (a failed cross-check or low OCR confidence, at the
 * product's threshold) and the share of its right values flagged needlessly; every threshold tried is printed.
 */
function flagFigures(name: string, m: Measured): Record<string, number> {
  if (!m.flags || m.flags.size === 0) return {};
  const share = (n: number, of: number) => (of ? pct(n / of) : 0);
  const rows = [...m.flags].map(
    ([below, c]) =>
      `below ${below.toFixed(2)}${below === doubtfulBelow ? ' (the product)' : '              '}  wrong flagged ${share(c.wrongFlagged, c.wrong).toFixed(1).padStart(5)} % of ${c.wrong}  right flagged ${share(c.rightFlagged, c.right).toFixed(1).padStart(5)} % of ${c.right}`,
  );
  console.log(`\n${name}: values the review flags, by OCR confidence threshold\n${rows.join('\n')}`);
  const c = m.flags.get(doubtfulBelow);
  if (!c) return {};
  return { wrong_flagged_pct: share(c.wrongFlagged, c.wrong), right_flagged_pct: share(c.rightFlagged, c.right) };
}

function accuracy(name: string, m: Measured, goal: number | null): BenchResult {
  const r = rates(m.counts);
  const worst = m.perDocument
    .slice(0, 3)
    .map((d) => `${d.id} ${pct(d.recall)}%`)
    .join('; ');
  const failed = m.perDocument.filter((d) => d.error).length;
  if (failed < m.documents) console.log(`\n${name}: fields by recall, worst first\n${fieldTable(m.counts)}`);
  if (m.failure) console.log(`\n${name}: ${failed} of ${m.documents} failed; the first: ${m.failure}`);
  return {
    name,
    figures: {
      documents: m.documents,
      fields: r.expected,
      right_pct: pct(r.recall),
      precision_pct: pct(r.precision),
      worst,
      ...flagFigures(name, m),
      ...(m.failure
        ? { failed: m.perDocument.filter((d) => d.error).length, firstFailure: m.failure.slice(0, 160) }
        : {}),
    },
    budget: goal === null ? 'recorded' : `≥ ${goal} % of fields right`,
    pass: goal === null ? !m.failure : pct(r.recall) >= goal,
  };
}

const file = (c: Corpus, fileName: string): ExtractFile => ({
  fileName,
  bytes: new Uint8Array(fs.readFileSync(path.join(c.dir, fileName))),
});

/**
 * The two speed budgets through runPipeline (read, parse, propose), with progress counted. While proposing is not in
 * the build, reading and parsing are timed instead and the result says so: the budget is then not met by definition.
 */
async function speed(c: Corpus, parts: ExtractParts): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const proposing = await Promise.resolve()
    .then(() => parts.propose([]))
    .then(
      () => true,
      () => false,
    );
  const cases = [
    {
      name: `${c.speed.sheets}-sheet ${c.speed.lines}-line text PDF → proposed lines`,
      f: c.speed.pdf,
      budget: 2000,
      n: 5,
    },
    { name: 'one scanned sheet (240 dpi PNG) → proposed lines', f: c.speed.scanPng, budget: 10_000, n: 3 },
  ];
  for (const s of cases) {
    const input = file(c, s.f);
    let lines = 0;
    let progress = 0;
    const options = { signal: new AbortController().signal, onProgress: () => progress++ };
    const once = async () => {
      if (proposing) lines = (await runPipeline([input], parts, options)).extraction.lines.length;
      else lines = parts.parse(await parts.read(input, options)).lines.length;
    };
    try {
      const times = await sample(s.n, once, 1);
      const found = { lines, progressEvents: Math.round(progress / (s.n + 1)) };
      const result = p95Result(s.name, found, times, s.budget);
      if (!proposing)
        Object.assign(result, {
          pass: false,
          figures: { ...result.figures, timed: 'read + parse only: proposing is not in the build' },
        });
      results.push(result);
    } catch (e) {
      const said = e instanceof Error ? e.message : String(e);
      results.push({ name: s.name, figures: { failed: said.slice(0, 160) }, budget: `≤ ${s.budget} ms`, pass: false });
    }
  }
  return results;
}

export async function run(): Promise<BenchResult[]> {
  const shipments = Number(process.env.SWDESK_BENCH_SHIPMENTS ?? 36);
  const scans = Number(process.env.SWDESK_BENCH_SCANS ?? Number.POSITIVE_INFINITY);
  const started = performance.now();
  let lastSaid = 0;
  const c = await corpus({
    shipments,
    onProgress: (done, total) => {
      if (done - lastSaid >= 10 || done === total) console.log(`corpus: ${(lastSaid = done)}/${total} documents made`);
    },
  });
  // The built-in code tables, as the app gives them to the parser (countries of origin) and the proposer.
  const codes = builtinFinder();
  const corpusSeconds = round((performance.now() - started) / 1000, 1);
  const sheets = c.documents.reduce((t, d) => t + d.sheets, 0);
  const results: BenchResult[] = [
    {
      name: 'invoice corpus (generated, seeded)',
      figures: {
        documents: c.documents.length,
        sheets,
        lines: c.documents.reduce((t, d) => t + d.lines, 0),
        layouts: new Set(c.documents.map((d) => d.layout)).size,
        made_s: c.seconds,
        this_run_s: corpusSeconds,
        dir: c.dir,
      },
      budget: 'recorded',
      pass: true,
    },
    accuracy(
      'parsing alone (the text runs as laid out)',
      measureParsing(c, (text) => parseDocument(text, { codes })),
      98,
    ),
  ];
  // The product's parts as the app composes them, with the built-in code tables and an empty product library (the
  // library proposes 商品编号, which the truth leaves out).
  const deps = { codes, findProduct: () => [] };
  const parts = createExtractParts(deps);
  const cache = process.env.SWDESK_BENCH_OCR_CACHE === '1' ? ocrCache() : null;
  const cached = cache ? createExtractParts({ ...deps, ocr: tesseractEngine(undefined, cache) }) : parts;
  try {
    results.push(...(await measured(c, cached, scans)));
    results.push(...(await speed(c, parts)));
  } finally {
    await Promise.all([parts.close?.(), cached === parts ? null : cached.close?.()]);
  }
  if (cache) console.log(`OCR cache: ${cache.hits} pages reused, ${cache.misses} read`);
  return results;
}

async function measured(c: Corpus, parts: ExtractParts, scans: number): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const progress = (kind: string) => (done: number, total: number) => {
    if (done % 10 === 0 || done === total) console.log(`${kind}: ${done}/${total} documents read`);
  };
  results.push(accuracy('text PDF, read and parsed', await measureKind(c, 'text-pdf', parts, Infinity), 98));
  results.push(accuracy('proposed lines and head from text PDF pairs', await measureProposals(c, parts), 98));
  const clean = await measureKind(c, 'clean-scan', parts, scans, progress('clean scans'));
  results.push(accuracy('clean scan, read (OCR) and parsed', clean, 90));
  const noisy = await measureKind(c, 'noisy-scan', parts, scans, progress('noisy scans'));
  results.push(accuracy('noisy scan (skewed, grainy, blurred, JPEG), read and parsed', noisy, null));
  return results;
}
