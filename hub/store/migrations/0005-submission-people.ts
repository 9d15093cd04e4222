import { hubMigration } from './hub-migration';

// Who prepared a declaration and who reviewed (复核) it, as its signed envelope names them, kept on the submission so
// the hub answers them without parsing the evidence again. NULL: a submission signed before review existed (or one
// received before this version: its envelope still says, when it says at all).
export const migration0005 = hubMigration(
  5,
  'submission-people',
  () => `
      ALTER TABLE submissions ADD COLUMN preparer TEXT;
      ALTER TABLE submissions ADD COLUMN reviewer TEXT;
    `,
);
