import type { ColumnType, Generated } from "kysely";

/** A jsonb column: written as a JSON string, read back parsed. */
type Json<T> = ColumnType<T, string, string>;

/** A stored document: its text, metadata and the hashes that make registering it again a no-op. */
export interface DocumentsTable {
  id: string;
  url: string | null;
  canonical_url: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  title: string | null;
  title_key: string | null;
  author: string | null;
  text: string;
  content_hash: string;
  claims_hash: string;
  extractor_version: string;
  registered_at: Generated<Date>;
}

/** A near-identical copy link, from ingest or from the register's own headline-and-paragraphs check. */
export interface DocumentCopiesTable {
  document_id: string;
  copy_of: string;
  found_by: string;
}

/** A name met in a chain, keyed by what it refers to. */
export interface SourcesTable {
  id: string;
  name: string;
  kind: string;
  type: string | null;
  catalog_id: string | null;
  state: string | null;
}

/** One claim with every SCHEMA.md field, its evidence offsets and the extractor version that read it. */
export interface ClaimsTable {
  id: string;
  document_id: string;
  idx: number;
  pair: string;
  supplier: string | null;
  recipient: string | null;
  intermediary: string | null;
  item_name: string | null;
  category: string;
  maker: string | null;
  quantity: number | null;
  value_amount: number | null;
  value_currency: string | null;
  time_from: string | null;
  time_to: string | null;
  status: string;
  stance: string;
  targets: Json<string[]>;
  chain: Json<string[]>;
  evidence: string;
  span_start: number | null;
  span_end: number | null;
  rules: Json<string[]>;
  optional: boolean;
  extractor_version: string;
}

/** One hop of a claim's chain: who relays whom. */
export interface CitationsTable {
  claim_id: string;
  position: number;
  source_id: string;
  written: string;
  cites: string | null;
}

/** An assertion: the columns `list` filters on, and the whole assessment as JSON. */
export interface AssertionsTable {
  id: string;
  pair: string;
  supplier: string | null;
  recipient: string | null;
  category: string;
  item_name: string | null;
  system: string | null;
  time_from: string | null;
  time_to: string | null;
  independent_origins: number;
  circular: boolean;
  data: Json<unknown>;
  updated_at: Generated<Date>;
  /** Computed from `data` (status, stance, reliability + credibility); never written. */
  stage: Generated<string | null>;
  stance: Generated<string | null>;
  grade: Generated<string | null>;
  /** `data` without its members, merge reasons, conflict details and same-party notes (migration 008); never written. */
  summary: Generated<Json<unknown>>;
}

/** The web register's facet counts over the whole register, kept by triggers on assertions (migration 005). */
export interface AssertionFacetsTable {
  facet: string;
  value: string;
  n: string;
}

/** A claim's membership of an assertion, with why it merged and how its origin resolved. */
export interface AssertionMembersTable {
  assertion_id: string;
  claim_id: string;
  origin: string | null;
  reason: Json<unknown>;
}

/** A kept disagreement among an assertion's members. */
export interface ConflictsTable {
  assertion_id: string;
  kind: string;
  detail: Json<unknown>;
}

/** An analyst's decision; re-extraction never touches these rows. */
export interface DecisionsTable {
  id: Generated<string>;
  kind: string;
  subject: string;
  value: Json<unknown>;
  analyst: string | null;
  note: string | null;
  created_at: Generated<Date>;
}

/** An entry of the append-only audit log. */
export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  action: string;
  subject: string;
  detail: Json<unknown>;
}

/** One import of a reference register, with what it changed. */
export interface ReferenceImportsTable {
  id: Generated<string>;
  register: string;
  file: string;
  generated: string | null;
  rows_read: number;
  stored: number;
  added: number;
  changed: number;
  dropped: number;
  rejected: Json<unknown>;
  imported_at: Generated<Date>;
}

/** A reference register's record as the latest import holds it. */
export interface ReferenceRecordsTable {
  hash: string;
  register: string;
  deal_key: string;
  supplier: string | null;
  recipient: string | null;
  category: string;
  family: string | null;
  order_year: number;
  first_import: string;
  data: Json<unknown>;
}

/** The register's tables as Kysely sees them (migrations/*.sql is the source of truth). */
export interface Schema {
  documents: DocumentsTable;
  document_copies: DocumentCopiesTable;
  sources: SourcesTable;
  claims: ClaimsTable;
  citations: CitationsTable;
  assertions: AssertionsTable;
  assertion_members: AssertionMembersTable;
  conflicts: ConflictsTable;
  decisions: DecisionsTable;
  audit_log: AuditLogTable;
  reference_imports: ReferenceImportsTable;
  reference_records: ReferenceRecordsTable;
  pending_pairs: { pair: string };
  assertion_facets: AssertionFacetsTable;
  dossier_migrations: { version: number; name: string; applied_at: Generated<Date> };
}
