-- Pairs whose claims changed in a bulk load that deferred merging (registerDocuments with merge: "later"): stored
-- in the same transaction as the claims, so after a crash mergePending still finds every pair it owes a merge.
create table pending_pairs (
  pair text primary key
);
