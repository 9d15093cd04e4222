// Lookups in the party and product libraries at a million rows each: p99 ≤ 20 ms for 2+
// characters (ARCHITECTURE.md budgets: "code lookup … 1M products/parties"). A real SQLite file
// (migrations 0006–0007) filled through the repositories — so every row has its pinyin initials
// and its name in the gram index — with names drawn from a few dozen trade words; then the
// searches a picker makes (parties.search / products.search): a code prefix, pinyin initials, a
// name prefix, text inside the name (common and rare), a part number, and queries that match
// nothing (every step runs). SWDESK_BENCH_LIBRARY_ROWS changes the size.
import path from 'node:path';
import { openDatabase } from '../main/db/connection';
import { migrate } from '../main/db/migrate';
import { migrations } from '../main/db/migrations';
import { createPartiesRepo } from '../main/db/repositories/parties-repo';
import { createProductsRepo } from '../main/db/repositories/products-repo';
import { tempDir } from '../test-support/main/temp-dir';
import type { BenchResult } from './harness';
import { percentile, round, sample } from './harness';

const ROWS = Number(process.env.SWDESK_BENCH_LIBRARY_ROWS ?? 1_000_000);
const BUDGET_P99_MS = 20;
const WORDS = [
  '鲜',
  '冻',
  '干',
  '苹果',
  '梨',
  '葡萄',
  '柑橘',
  '樱桃',
  '香蕉',
  '牛肉',
  '虾仁',
  '汽车',
  '零件',
  '钢管',
  '塑料',
  '电机',
  '阀门',
  '轴承',
  '纸箱',
  '布料',
  '鞋',
  '服装',
  '玩具',
  '灯具',
  '家具',
  '茶叶',
  '酒',
];
const INITIALS: Record<string, string> = {
  鲜: 'x',
  冻: 'd',
  干: 'g',
  苹果: 'pg',
  梨: 'l',
  葡萄: 'pt',
  柑橘: 'gj',
  樱桃: 'yt',
  香蕉: 'xj',
  牛肉: 'nr',
  虾仁: 'xr',
  汽车: 'qc',
  零件: 'lj',
  钢管: 'gg',
  塑料: 'sl',
  电机: 'dj',
  阀门: 'fm',
  轴承: 'zc',
  纸箱: 'zx',
  布料: 'bl',
  鞋: 'x',
  服装: 'fz',
  玩具: 'wj',
  灯具: 'dj',
  家具: 'jj',
  茶叶: 'cy',
  酒: 'j',
};

/** A deterministic generator, so every run searches the same library. */
function generator(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

export async function run(): Promise<BenchResult[]> {
  const dir = tempDir('swdesk-bench-library-');
  const db = openDatabase(path.join(dir.dir, 'swdesk.sqlite'));
  try {
    migrate(db, migrations);
    const products = createProductsRepo(db);
    const parties = createPartiesRepo(db);
    const random = generator(7);
    const t0 = performance.now();
    db.transaction(() => {
      for (let i = 0; i < ROWS; i++) {
        const words = Array.from({ length: 3 }, () => WORDS[Math.floor(random() * WORDS.length)] ?? '鲜');
        const name = `${words.join('')}${i % 1000}号`;
        const initials = words.map((w) => INITIALS[w] ?? '').join('');
        const code = String(1_000_000_000 + Math.floor(random() * 8_999_999_999)).slice(0, 10);
        products.insert(
          {
            id: `p${i}`,
            customer: '',
            fields: { CodeTS: code, GName: name, ExgNo: `SKU-${String(i).padStart(7, '0')}` },
            learned: false,
            learnedFrom: '',
            learnedAt: null,
            useCount: 0,
            createdAt: 't',
            updatedAt: 't',
          },
          initials,
        );
        parties.insert(
          {
            id: `c${i}`,
            overseas: false,
            roles: [i % 3 === 0 ? 'agent' : 'trade'],
            customsCode: String(3_100_000_000 + i),
            uscc: '',
            ciqCode: '',
            nameZh: `上海${words.join('')}贸易有限公司${i}`,
            nameEn: `Shanghai Trading No ${i}`,
            address: '',
            note: '',
            createdAt: 't',
            updatedAt: 't',
          },
          `sh${initials}myyxgs`,
        );
      }
    })();
    const buildMs = performance.now() - t0;
    db.exec('ANALYZE');

    const cases: Array<{ label: string; run: () => unknown }> = [
      ['products: HS code prefix 0808', () => products.search('0808', { limit: 20 })],
      ['products: part number SKU-00123', () => products.search('SKU-00123', { limit: 20 })],
      ['products: pinyin initials pgnr', () => products.search('pgnr', { limit: 20 })],
      ['products: name prefix 苹果牛', () => products.search('苹果牛', { limit: 20 })],
      ['products: text in the name 牛肉虾仁 (common)', () => products.search('牛肉虾仁', { limit: 20 })],
      ['products: text in the name 肉虾仁999号 (rare)', () => products.search('肉虾仁999号', { limit: 20 })],
      ['products: nothing matches 不存在的词', () => products.search('不存在的词', { limit: 20 })],
      ['products: nothing matches zzqq', () => products.search('zzqq', { limit: 20 })],
      ['parties: customs code prefix 31000012', () => parties.search('31000012', { limit: 20 })],
      ['parties: pinyin initials shpg, 申报单位 only', () => parties.search('shpg', { limit: 20, role: 'agent' })],
      // The short name's initials (上海… without 上海): the name's own initials find none first.
      ['parties: short-name initials pgnr, 申报单位 only', () => parties.search('pgnr', { limit: 20, role: 'agent' })],
      ['parties: nothing matches zzqq', () => parties.search('zzqq', { limit: 20 })],
      ['parties: text in the name 钢管贸易', () => parties.search('钢管贸易', { limit: 20 })],
      ['parties: text in the name 有限公司99999 (rare)', () => parties.search('有限公司99999', { limit: 20 })],
      ['parties: English text trading no 4242', () => parties.search('trading no 4242', { limit: 20 })],
      ['parties: nothing matches 不存在的公司', () => parties.search('不存在的公司', { limit: 20 })],
    ].map(([label, fn]) => ({ label: label as string, run: fn as () => unknown }));

    const all: number[] = [];
    let slowest = { label: '', p99: 0 };
    for (const c of cases) {
      const times = await sample(100, c.run, 10);
      all.push(...times);
      const p99 = percentile(times, 99);
      if (p99 > slowest.p99) slowest = { label: c.label, p99 };
    }
    const p99 = percentile(all, 99);
    return [
      {
        name: `library search at ${ROWS.toLocaleString('en')} products and ${ROWS.toLocaleString('en')} parties (${cases.length} queries × 100)`,
        figures: {
          build_s: round(buildMs / 1000, 1),
          p50_ms: round(percentile(all, 50)),
          p99_ms: round(p99),
          slowest: `${slowest.label} p99 ${round(slowest.p99)} ms`,
        },
        budget: `p99 ≤ ${BUDGET_P99_MS} ms for 2+ characters`,
        pass: p99 <= BUDGET_P99_MS,
      },
    ];
  } finally {
    db.close();
    dir.cleanup();
  }
}
