/** A schema name the hub accepts: it goes into SQL and NOTIFY channel names, so only plain identifiers. */
export const schemaPattern = /^[a-z_][a-z0-9_]{0,39}$/;
