import { sqlMigration } from './sql-migration';

// Repeat shipments.
//
// - parties: the party library (企业库). One row per company with its identities; a USCC and a
//   domestic customs code belong to one party (partial unique indexes), an overseas party's code
//   (AEO or NO) need not be unique. `roles` is a comma list (trade,owner,agent or overseas);
//   `initials` are the pinyin initials of the Chinese name. Searches are prefix ranges on the
//   code, initials and name indexes, as the code tables' are (main/core/code-tables/store.ts).
// - products: the product library (商品库/归类). `data` holds the product's values under the
//   DecList element names; `key` is what makes two records the same product (part number, else
//   HS code + name + 申报要素, per customer — shared/libraries/product.ts). `learned` marks a
//   product added or updated from a declaration customs released.
// - product_learning: one row per released submission the library has learned from, so a
//   release is learned exactly once however often its CHANNEL P receipt arrives.
// - templates.parts: the parts of a declaration a template keeps; existing templates kept all.
// - profile_defaults: the operator's default values for new declarations (head and goods-line
//   fields), removed with the profile.
export const migration0006 = sqlMigration(
  6,
  'libraries',
  `
      CREATE TABLE parties (
        id           TEXT PRIMARY KEY,
        overseas     INTEGER NOT NULL CHECK (overseas IN (0, 1)),
        roles        TEXT NOT NULL,
        customs_code TEXT NOT NULL DEFAULT '',
        uscc         TEXT NOT NULL DEFAULT '',
        ciq_code     TEXT NOT NULL DEFAULT '',
        name_zh      TEXT NOT NULL DEFAULT '',
        name_en      TEXT NOT NULL DEFAULT '',
        address      TEXT NOT NULL DEFAULT '',
        note         TEXT NOT NULL DEFAULT '',
        initials     TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE UNIQUE INDEX parties_uscc_unique ON parties (uscc) WHERE uscc <> '';
      CREATE UNIQUE INDEX parties_customs_code_unique ON parties (customs_code) WHERE customs_code <> '' AND overseas = 0;
      CREATE INDEX parties_customs_code ON parties (customs_code);
      CREATE INDEX parties_uscc ON parties (uscc);
      CREATE INDEX parties_initials ON parties (initials);
      CREATE INDEX parties_name_zh ON parties (name_zh);
      CREATE INDEX parties_name_en ON parties (lower(name_en));
      CREATE INDEX parties_updated ON parties (updated_at);

      CREATE TABLE products (
        id           TEXT PRIMARY KEY,
        key          TEXT NOT NULL UNIQUE,
        customer     TEXT NOT NULL DEFAULT '',
        code_ts      TEXT NOT NULL DEFAULT '',
        g_name       TEXT NOT NULL DEFAULT '',
        exg_no       TEXT NOT NULL DEFAULT '',
        initials     TEXT NOT NULL DEFAULT '',
        data         TEXT NOT NULL,
        learned      INTEGER NOT NULL DEFAULT 0 CHECK (learned IN (0, 1)),
        learned_from TEXT NOT NULL DEFAULT '',
        learned_at   TEXT,
        use_count    INTEGER NOT NULL DEFAULT 0,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX products_code_ts ON products (code_ts);
      CREATE INDEX products_exg_no ON products (exg_no);
      CREATE INDEX products_initials ON products (initials);
      CREATE INDEX products_g_name ON products (g_name);
      CREATE INDEX products_updated ON products (updated_at);

      CREATE TABLE product_learning (
        declaration_id TEXT NOT NULL,
        submission_id  TEXT NOT NULL,
        learned_at     TEXT NOT NULL,
        products       INTEGER NOT NULL,
        PRIMARY KEY (declaration_id, submission_id)
      ) WITHOUT ROWID;

      ALTER TABLE templates ADD COLUMN parts TEXT NOT NULL DEFAULT '["head","lines","containers","documents","other"]';

      CREATE TABLE profile_defaults (
        profile_id TEXT PRIMARY KEY REFERENCES operator_profiles (id) ON DELETE CASCADE,
        head       TEXT NOT NULL DEFAULT '{}',
        line       TEXT NOT NULL DEFAULT '{}',
        updated_at TEXT NOT NULL
      );
    `,
);
