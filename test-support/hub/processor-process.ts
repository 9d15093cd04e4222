// One customs processor in a process of its own, on the store in <dataDir>: the processor tests start
// two of these over the same SQLite file so that they really run at once (two connections, two
// processes), not one after the other. It prints "ready" once its store is open, starts when a line
// arrives on stdin (so both start together), and when no work is left prints the receipt ids it
// drafted as one JSON line: the test tells from the file which of them were stored.
//   node --import tsx test-support/hub/processor-process.ts <dataDir> <batchSize>
import readline from 'node:readline';
import { loadConfig } from '../../hub/config';
import { createCustomsProcessor } from '../../hub/processor/customs-processor';
import { openSqliteStore } from '../../hub/store/sqlite/sqlite-store';

const [dataDir, batchText] = process.argv.slice(2);
if (!dataDir || !batchText) throw new Error('usage: processor-process <dataDir> <batchSize>');

const store = openSqliteStore(dataDir);
const attempted: string[] = [];
const issueDue = store.issueDue.bind(store);
store.issueDue = async (now, limit, draft) => {
  const issued = await issueDue(now, limit, (work) => {
    const drafts = draft(work);
    for (const d of drafts) attempted.push(d.receiptId);
    return drafts;
  });
  // A pause between claims gives the other process its turn at SQLite's write lock. Without it, on an idle
  // machine the first process to start took the lock again the moment it let go (the other sleeps in its busy
  // handler), and issued all but a handful of the steps: the two never raced. Paced, they interleave throughout.
  await new Promise((resolve) => setTimeout(resolve, 1));
  return issued;
};
const config = loadConfig({ overrides: { processor: { stepDelayMs: 0, batchSize: Number(batchText) } } }).processor;
const silent = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (o: object) => console.error(o),
};
const processor = createCustomsProcessor({ store, config, now: Date.now, log: silent, onReceipts: () => undefined });

const input = readline.createInterface({ input: process.stdin });
input.once('line', () => {
  input.close();
  processor.kick();
  void processor
    .idle()
    .then(() => processor.stop())
    .then(() => store.close())
    .then(() => process.stdout.write(`${JSON.stringify({ attempted })}\n`));
});
process.stdout.write('ready\n');
