/** What ingest hands to extraction and to the register: one article, its text and what is known about it. */
export interface Document {
  /** Hash of the normalised text (hex); the same article read twice has the same id. */
  id: string;
  /** Where it was read from: an http(s) URL, or a file path / WARC record URI. */
  url: string | null;
  /** The page's canonical URL when it declares one. */
  canonicalUrl: string | null;
  /** The outlet that published it (catalog name when the domain or site name is known). */
  outlet: string | null;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  published: string | null;
  /** ISO 639-1. */
  language: string | null;
  title: string | null;
  author: string | null;
  /** The main text, paragraphs separated by blank lines. */
  text: string;
  /** Ids of documents this one is a near-identical copy of (wire copy, republication). */
  copyOf?: string[];
}
