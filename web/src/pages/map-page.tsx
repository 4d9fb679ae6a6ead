import { type GeoPermissibleObjects, geoEqualEarth, geoMercator, geoPath } from "d3-geo";
import { useEffect, useMemo, useState } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import type { LocationRow } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { ISO_NUMERIC } from "../map/iso-numeric.ts";
import { provinceKey, type RegionRisk, type RegionSummary, summariseRegions } from "../map/region-risk.ts";
import { pageSizeOf, useAllPages } from "../paging.tsx";
import { navigate, useLocation } from "../router.tsx";

const WIDTH = 960;
const HEIGHT = 520;

const FILL: Record<RegionRisk | "none", string> = {
  xinjiang: "#8e1b15",
  high: "#d1453b",
  medium: "#e0a31a",
  low: "#4f9a74",
  none: "#e6e9ee",
};
const LABEL: Record<RegionRisk, string> = {
  xinjiang: "Xinjiang",
  high: "confirmed list hit",
  medium: "open screening hit",
  low: "no finding",
};

interface Shape {
  readonly key: string;
  readonly name: string;
  readonly d: string;
}

type Features = {
  features: { id?: string | number; properties: { name?: string } | null }[];
} & GeoPermissibleObjects;

function featuresOf(topology: unknown, object: string): Features {
  const t = topology as Topology;
  return feature(t, t.objects[object] as GeometryCollection) as unknown as Features;
}

const NUMERIC_TO_ALPHA = new Map(Object.entries(ISO_NUMERIC).map(([a, n]) => [n, a]));

/** Country shapes (world-atlas) and, once loaded, China's provinces on top, projected for the view. */
function projectShapes(china: unknown, view: "world" | "china"): Shape[] {
  const countries = featuresOf(world, "countries");
  const provinces = china ? featuresOf(china, "chn") : undefined;
  const extent: [[number, number], [number, number]] = [
    [8, 8],
    [WIDTH - 8, HEIGHT - 8],
  ];
  const projection =
    view === "world"
      ? geoEqualEarth().fitExtent(extent, countries)
      : geoMercator().fitExtent(extent, (provinces ?? countries) as GeoPermissibleObjects);
  const path = geoPath(projection);
  const out: Shape[] = countries.features.map((f) => {
    const alpha = NUMERIC_TO_ALPHA.get(String(f.id));
    return {
      key: alpha ?? `n${f.id}`,
      name: f.properties?.name ?? "",
      d: path(f as GeoPermissibleObjects) ?? "",
    };
  });
  for (const f of provinces?.features ?? []) {
    const name = f.properties?.name ?? String(f.id);
    out.push({ key: provinceKey(name), name, d: path(f as GeoPermissibleObjects) ?? "" });
  }
  return out;
}

export function MapPage() {
  // Every facility, page after page: the map must not stop at the API's page size.
  const locations = useAllPages<LocationRow>("/api/locations", pageSizeOf(useLocation().query, 500));
  const [china, setChina] = useState<unknown>();
  const [chinaError, setChinaError] = useState<unknown>();
  const [view, setView] = useState<"world" | "china">("world");
  useEffect(() => {
    fetch("/geo/china-provinces.topojson")
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`china-provinces.topojson: ${r.status}`))))
      .then(setChina, setChinaError);
  }, []);
  const regions = useMemo(() => summariseRegions(locations.data ?? []), [locations.data]);

  const shapes = useMemo(() => projectShapes(china, view), [china, view]);

  const fillOf = (s: Shape): string => {
    const summary = regions.get(s.key);
    return summary ? FILL[summary.risk] : FILL.none;
  };
  const rows: RegionSummary[] = [...regions.values()].sort((a, b) => b.facilities - a.facilities);

  return (
    <section aria-labelledby="map-title">
      <h1 id="map-title">Facilities by region</h1>
      <fieldset className="toolbar">
        <legend className="visually-hidden">Map extent</legend>
        <button
          type="button"
          aria-pressed={view === "world"}
          className={view === "world" ? "" : "secondary"}
          onClick={() => setView("world")}
        >
          World
        </button>
        <button
          type="button"
          aria-pressed={view === "china"}
          className={view === "china" ? "" : "secondary"}
          onClick={() => setView("china")}
        >
          China by province
        </button>
      </fieldset>
      <ErrorPanel error={locations.error ?? chinaError} title="Could not draw the map" />
      <div className="legend">
        {(Object.keys(LABEL) as RegionRisk[]).map((r) => (
          <span key={r} className="key">
            <span className="swatch" style={{ background: FILL[r] }} /> {LABEL[r]}
          </span>
        ))}
        <span className="key">
          <span className="swatch" style={{ background: FILL.none }} /> no facility
        </span>
      </div>
      <svg
        className="map"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label="Map of facilities by region, coloured by risk; the table below lists the same data"
      >
        <rect width={WIDTH} height={HEIGHT} fill="#f5f8fb" />
        {shapes.map((s) => (
          <path
            key={`${s.key}-${s.d.length}`}
            d={s.d}
            fill={fillOf(s)}
            stroke="#ffffff"
            strokeWidth={s.key.startsWith("CN:") ? 0.6 : 0.4}
            className="region"
          >
            <title>
              {s.name}
              {regions.get(s.key)
                ? `: ${regions.get(s.key)?.facilities} facilities (${LABEL[regions.get(s.key)?.risk ?? "low"]})`
                : ""}
            </title>
          </path>
        ))}
      </svg>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Region</th>
              <th scope="col" className="num">
                Facilities
              </th>
              <th scope="col">Worst finding</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  <a
                    href={`/locations?${regionQuery(r)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/locations?${regionQuery(r)}`);
                    }}
                  >
                    {regionLabel(r)}
                  </a>
                </th>
                <td className="num">{r.facilities}</td>
                <td>
                  <span className="swatch" style={{ background: FILL[r.risk] }} /> {LABEL[r.risk]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const COUNTRY_NAMES = new Intl.DisplayNames(["en"], { type: "region" });

/** "US" → "United States (US)"; Chinese provinces keep their label. */
function regionLabel(r: RegionSummary): string {
  if (r.key.startsWith("CN:")) return r.label;
  try {
    return `${COUNTRY_NAMES.of(r.key) ?? r.key} (${r.key})`;
  } catch {
    return r.key;
  }
}

function regionQuery(r: RegionSummary): string {
  return r.key.startsWith("CN:")
    ? `country=CN&region=${encodeURIComponent(r.label.replace(", China", ""))}`
    : `country=${r.key}`;
}
