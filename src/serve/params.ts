import { CATEGORIES } from "../catalog/types.ts";
import { SORT_KEYS, type BrowseFilter, type Sort, type SortKey } from "../store/browse.ts";
import { HttpError } from "./errors.ts";

/** The register's query parameters: the filters, then sort and paging; the OpenAPI test holds the file to this list. */
export const REGISTER_PARAMS = ["supplier", "recipient", "category", "since", "until", "item", "stage", "stance", "grade", "sort", "page", "per_page"] as const;
/** The filter parameters, which the exports take too. */
export const FILTER_PARAMS = ["supplier", "recipient", "category", "since", "until", "item", "stage", "stance", "grade"] as const;

/** Rows per page by default. */
export const PER_PAGE = 50;
const MAX_PER_PAGE = 500;

/** The register query as parsed from a URL. */
export interface RegisterQuery {
  filter: BrowseFilter;
  sort: Sort;
  page: number;
  perPage: number;
}

const bad = (m: string) => new HttpError(400, "bad-request", m);

/** Parses and checks the register's query; a bad value is a 400 naming the parameter. Unknown parameters are ignored. */
export function parseRegisterQuery(q: URLSearchParams): RegisterQuery {
  const filter: BrowseFilter = {};
  const get = (k: string) => {
    const v = q.get(k);
    return v === null || v.trim() === "" ? undefined : v.trim();
  };
  for (const k of ["supplier", "recipient"] as const) {
    const v = get(k);
    if (v === undefined) continue;
    if (!/^[A-Za-z]{3}$/.test(v)) throw bad(`${k} takes an ISO 3166-1 alpha-3 code such as MAR (got "${v}")`);
    filter[k] = v.toUpperCase();
  }
  const category = get("category");
  if (category !== undefined) {
    if (!(CATEGORIES as readonly string[]).includes(category)) throw bad(`category must be one of ${CATEGORIES.join(", ")} (got "${category}")`);
    filter.category = category;
  }
  for (const k of ["since", "until"] as const) {
    const v = get(k);
    if (v === undefined) continue;
    if (!/^\d{4}$/.test(v)) throw bad(`${k} takes a year, YYYY (got "${v}")`);
    filter[k] = Number(v);
  }
  if (filter.since !== undefined && filter.until !== undefined && filter.since > filter.until) throw bad(`since ${filter.since} is after until ${filter.until}`);
  const item = get("item");
  if (item !== undefined) filter.item = item;
  for (const k of ["stage", "stance"] as const) {
    const v = get(k);
    if (v === undefined) continue;
    if (!/^[a-z-]{1,30}$/.test(v)) throw bad(`${k} takes a lower-case word such as delivered (got "${v}")`);
    filter[k] = v;
  }
  const grade = get("grade");
  if (grade !== undefined) {
    if (!/^[A-F][1-6]$/.test(grade)) throw bad(`grade takes an Admiralty grade such as B2 (got "${grade}")`);
    filter.grade = grade;
  }
  const sortText = get("sort") ?? "supplier";
  const key = sortText.replace(/^-/, "");
  if (!(SORT_KEYS as readonly string[]).includes(key)) throw bad(`sort must be one of ${SORT_KEYS.join(", ")}, with - in front for descending (got "${sortText}")`);
  const page = whole(get("page") ?? "1", "page");
  const perPage = whole(get("per_page") ?? String(PER_PAGE), "per_page");
  if (perPage > MAX_PER_PAGE) throw bad(`per_page is at most ${MAX_PER_PAGE} (got ${perPage}); the CSV and JSON Lines exports have every row`);
  return { filter, sort: { key: key as SortKey, desc: sortText.startsWith("-") }, page, perPage };
}

function whole(v: string, name: string): number {
  if (!/^[1-9]\d{0,6}$/.test(v)) throw bad(`${name} takes a positive whole number (got "${v}")`);
  return Number(v);
}

/** The query string of a register query with some parameters changed (undefined removes one); defaults are left out. */
export function registerHref(path: string, rq: RegisterQuery, change: Record<string, string | number | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const k of FILTER_PARAMS) {
    const v = rq.filter[k];
    if (v !== undefined) p.set(k, String(v));
  }
  const sort = `${rq.sort.desc ? "-" : ""}${rq.sort.key}`;
  if (sort !== "supplier") p.set("sort", sort);
  if (rq.page !== 1) p.set("page", String(rq.page));
  if (rq.perPage !== PER_PAGE) p.set("per_page", String(rq.perPage));
  for (const [k, v] of Object.entries(change)) {
    if (v === undefined) p.delete(k);
    else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}
