import { type FormEvent, useState } from "react";

export interface Filters {
  readonly q: string;
  readonly country: string;
  readonly region: string;
  readonly hits: string;
}

export function filtersFromQuery(query: URLSearchParams): Filters {
  return {
    q: query.get("q") ?? "",
    country: query.get("country") ?? "",
    region: query.get("region") ?? "",
    hits: query.get("hits") ?? "",
  };
}

export function queryOf(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) params.set(k, v);
  return params.toString();
}

/** Search by name and filter by country, region and screening status; submits on Enter or the button. */
export function FilterBar(props: { initial: Filters; onApply: (f: Filters) => void; showRegion?: boolean }) {
  const { initial, onApply, showRegion = true } = props;
  const [f, setF] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };
  return (
    <form className="filter-bar" onSubmit={submit} aria-label="Search and filter">
      <div className="field grow">
        <label htmlFor="f-q">Name contains</label>
        <input
          id="f-q"
          value={f.q}
          onChange={(e) => setF({ ...f, q: e.target.value })}
          placeholder="e.g. Aksu or 阿克苏"
        />
      </div>
      <div className="field">
        <label htmlFor="f-country">Country</label>
        <input
          id="f-country"
          value={f.country}
          maxLength={2}
          size={4}
          onChange={(e) => setF({ ...f, country: e.target.value.toUpperCase() })}
          placeholder="CN"
        />
      </div>
      {showRegion && (
        <div className="field">
          <label htmlFor="f-region">Region</label>
          <input
            id="f-region"
            value={f.region}
            size={8}
            onChange={(e) => setF({ ...f, region: e.target.value })}
            placeholder="Xinjiang"
          />
        </div>
      )}
      <div className="field">
        <label htmlFor="f-hit">Screening</label>
        <select id="f-hit" value={f.hits} onChange={(e) => setF({ ...f, hits: e.target.value })}>
          <option value="">any</option>
          <option value="open">open hit</option>
          <option value="confirmed">confirmed hit</option>
          <option value="dismissed">dismissed hit</option>
          <option value="any">any hit</option>
          <option value="none">no hit</option>
        </select>
      </div>
      <button type="submit">Apply</button>
    </form>
  );
}
