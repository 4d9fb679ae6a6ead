import type { Facility, FacilityPlant, FacilityRole, Owner } from "./facility.ts";
import { chineseNaming, foreignNaming, type Naming, postalAddress, type Script } from "./facility-naming.ts";
import { gln, pglnUrn, sglnUrn } from "./gs1-keys.ts";
import { ANHUI_XINYA, XPCC } from "./listed-entities.ts";
import {
  CHINA_PLACES,
  IMPORTER_PLACES,
  MAKER_PLACES,
  ORIGIN_PLACES,
  type OriginRegion,
  type Place,
  QINGDAO,
  SPINNER_PLACES,
  TRADER_PLACES,
  XINJIANG_PLACES,
  XUANCHENG,
} from "./places.ts";
import { createPrng, deriveSeed, digits, type Prng, pick, uniform } from "./prng.ts";
import { makeLei, makeUscc } from "./uscc.ts";

export type SpinnerCountry = "CN" | "VN" | "PK" | "IN";
export type MakerCountry = "BD" | "VN" | "KH";

export interface FacilityPool {
  readonly all: readonly Facility[];
  readonly farms: Readonly<Record<OriginRegion, readonly Facility[]>>;
  readonly gins: Readonly<Record<OriginRegion, readonly Facility[]>>;
  readonly traders: Readonly<Record<OriginRegion, readonly Facility[]>>;
  readonly spinners: Readonly<Record<SpinnerCountry, readonly Facility[]>>;
  readonly fabricMills: Readonly<Record<MakerCountry, readonly Facility[]>>;
  readonly garmentFactories: Readonly<Record<MakerCountry, readonly Facility[]>>;
  readonly importers: readonly Facility[];
  readonly listedSpinner: Facility;
  readonly overClaimSpinner: Facility;
  readonly overClaimGarment: Facility;
  readonly relabelTrader: Facility;
}

/** GS1 member-organisation prefixes by country; the rest of each 7-digit company prefix is synthetic. */
const GS1_PREFIX: Readonly<Record<string, string>> = {
  CN: "69",
  US: "08",
  BR: "789",
  AU: "93",
  IN: "890",
  VN: "893",
  PK: "896",
  BD: "8941",
  KH: "884",
};

interface FacilitySpec {
  readonly role: FacilityRole;
  readonly place: Place;
  readonly naming: Naming;
  readonly script: Script;
  readonly channel?: "epcis" | "csv";
  readonly plant?: FacilityPlant;
  readonly listed?: typeof ANHUI_XINYA;
  readonly owner?: Owner;
}

interface PoolBuilder {
  readonly prng: Prng;
  readonly all: Facility[];
}

function addFacility(builder: PoolBuilder, spec: FacilitySpec): Facility {
  const { prng, all } = builder;
  const index = all.length;
  const country = spec.place.country;
  const prefixHead = GS1_PREFIX[country] ?? "0";
  const companyPrefix = prefixHead + String(index + 1).padStart(7 - prefixHead.length, "0");
  const address = postalAddress(prng, spec.place, spec.script);
  const uscc = spec.place.adminCode ? makeUscc(spec.place.adminCode, digits(prng, 8)) : undefined;
  const lei = spec.role === "importer" ? makeLei(`5493${digits(prng, 14)}`) : undefined;
  const facility: Facility = {
    index,
    role: spec.role,
    place: spec.place,
    sgln: sglnUrn(companyPrefix, "00001"),
    gln: gln(companyPrefix, "00001"),
    name: spec.naming.facilityName,
    ...address,
    postalCode: spec.place.postalCode,
    latitude: Math.round((spec.place.latitude + uniform(prng, -0.08, 0.08)) * 1e4) / 1e4,
    longitude: Math.round((spec.place.longitude + uniform(prng, -0.08, 0.08)) * 1e4) / 1e4,
    party: {
      id: pglnUrn(companyPrefix, "00000"),
      name: spec.naming.partyName,
      ...(spec.naming.partyNameLocal ? { nameLocal: spec.naming.partyNameLocal } : {}),
      aliases: spec.naming.partyAliases,
      ...(uscc ? { uscc } : {}),
      ...(lei ? { lei } : {}),
      companyPrefix,
      gln: gln(companyPrefix, "00000"),
      ...(spec.listed ? { listed: spec.listed } : {}),
      ...(spec.owner ? { owner: spec.owner } : {}),
    },
    channel: spec.channel ?? "epcis",
    ...(spec.plant ? { plant: spec.plant } : {}),
    ...(spec.place.origin ? { origin: spec.place.origin } : {}),
  };
  all.push(facility);
  return facility;
}

const SCRIPTS: readonly Script[] = ["zh", "pinyin", "en"];

function chineseFacility(
  builder: PoolBuilder,
  role: "farm" | "gin" | "trader" | "spinner",
  place: Place,
  counter: number,
): Facility {
  const script = pick(builder.prng, SCRIPTS);
  const owner: Owner | undefined =
    role === "gin" && place.xpcc ? { partyId: "xpcc", name: XPCC.name, share: 0.6, listed: XPCC } : undefined;
  return addFacility(builder, {
    role,
    place,
    script,
    naming: chineseNaming(place, role, counter, script),
    ...(owner ? { owner } : {}),
  });
}

function foreignFacility(
  builder: PoolBuilder,
  role: FacilityRole,
  place: Place,
  counter: number,
  channel: "epcis" | "csv" = "epcis",
): Facility {
  return addFacility(builder, {
    role,
    place,
    script: "en",
    naming: foreignNaming(place, role, counter),
    channel,
  });
}

function times<T>(count: number, make: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

function cycle(places: readonly Place[], i: number): Place {
  const place = places[i % places.length];
  if (!place) throw new RangeError("cycle: no places");
  return place;
}

function originTier(builder: PoolBuilder, scale: number) {
  const farms = {} as Record<OriginRegion, Facility[]>;
  const gins = {} as Record<OriginRegion, Facility[]>;
  const traders = {} as Record<OriginRegion, Facility[]>;
  farms["CN-XJ"] = times(4 * scale, (i) => chineseFacility(builder, "farm", cycle(XINJIANG_PLACES, i), i));
  gins["CN-XJ"] = times(3 * scale, (i) =>
    chineseFacility(builder, "gin", cycle(XINJIANG_PLACES, i * 3 + 6), i + 64),
  );
  traders["CN-XJ"] = times(scale, (i) => chineseFacility(builder, "trader", TRADER_PLACES["CN-XJ"], i + 128));
  for (const region of ["US", "BR", "AU", "IN"] as const) {
    const places = ORIGIN_PLACES[region];
    farms[region] = times(2 * scale, (i) => foreignFacility(builder, "farm", cycle(places, i), i));
    gins[region] = times(scale, (i) => foreignFacility(builder, "gin", cycle(places, i + 1), i + 64));
    traders[region] = times(scale, (i) => foreignFacility(builder, "trader", TRADER_PLACES[region], i + 128));
  }
  return { farms, gins, traders };
}

function processingTier(builder: PoolBuilder, scale: number) {
  const spinners: Record<SpinnerCountry, Facility[]> = {
    CN: times(3 * scale, (i) => chineseFacility(builder, "spinner", cycle(CHINA_PLACES, i), i + 192)),
    VN: times(2 * scale, (i) => foreignFacility(builder, "spinner", cycle(SPINNER_PLACES.VN, i), i)),
    PK: times(2 * scale, (i) =>
      foreignFacility(builder, "spinner", cycle(SPINNER_PLACES.PK, i), i, i % 2 === 0 ? "csv" : "epcis"),
    ),
    IN: times(scale, (i) => foreignFacility(builder, "spinner", cycle(SPINNER_PLACES.IN, i), i + 32)),
  };
  const fabricMills: Record<MakerCountry, Facility[]> = {
    BD: times(2 * scale, (i) => foreignFacility(builder, "fabric", cycle(MAKER_PLACES.BD, i), i)),
    VN: times(scale, (i) => foreignFacility(builder, "fabric", cycle(MAKER_PLACES.VN, i), i + 16)),
    KH: times(scale, (i) =>
      foreignFacility(builder, "fabric", cycle(MAKER_PLACES.KH, i), i, i % 2 === 0 ? "csv" : "epcis"),
    ),
  };
  const garmentFactories: Record<MakerCountry, Facility[]> = {
    BD: times(2 * scale, (i) =>
      foreignFacility(
        builder,
        "garment",
        cycle(MAKER_PLACES.BD, i + 1),
        i + 48,
        i % 2 === 1 ? "csv" : "epcis",
      ),
    ),
    VN: times(scale, (i) => foreignFacility(builder, "garment", cycle(MAKER_PLACES.VN, i + 1), i + 80)),
    KH: times(scale, (i) => foreignFacility(builder, "garment", cycle(MAKER_PLACES.KH, i + 1), i + 48)),
  };
  const importers = times(2 * scale, (i) =>
    foreignFacility(builder, "importer", cycle(IMPORTER_PLACES, i), i + 96),
  );
  return { spinners, fabricMills, garmentFactories, importers };
}

function plantedFacilities(builder: PoolBuilder) {
  const listedSpinner = addFacility(builder, {
    role: "spinner",
    place: XUANCHENG,
    script: "en",
    naming: {
      facilityName: "新雅新材料 宣城纺纱一厂",
      partyName: ANHUI_XINYA.name,
      partyNameLocal: ANHUI_XINYA.chineseName ?? "",
      partyAliases: ["Anhui Xinya Xincailiao Youxian Gongsi"],
    },
    plant: "listed-spinner",
    listed: ANHUI_XINYA,
  });
  const overClaimSpinner = foreignFacility(builder, "spinner", cycle(SPINNER_PLACES.VN, 0), 200);
  const overClaimGarment = foreignFacility(builder, "garment", cycle(MAKER_PLACES.BD, 2), 201);
  const relabelScript: Script = "zh";
  const relabelTrader = addFacility(builder, {
    role: "trader",
    place: QINGDAO,
    script: relabelScript,
    naming: chineseNaming(QINGDAO, "relabel", 202, relabelScript),
    plant: "relabel-trader",
  });
  return {
    listedSpinner: { ...listedSpinner, plant: "listed-spinner" as const },
    overClaimSpinner: withPlant(builder, overClaimSpinner, "over-claim-spinner"),
    overClaimGarment: withPlant(builder, overClaimGarment, "over-claim-garment"),
    relabelTrader,
  };
}

function withPlant(builder: PoolBuilder, facility: Facility, plant: FacilityPlant): Facility {
  const marked = { ...facility, plant };
  builder.all[facility.index] = marked;
  return marked;
}

/**
 * Every facility of a chain, built before any event so that each EPCIS document can carry the
 * master data of all of them in its header. `scale` multiplies the number per tier (1 for small).
 */
export function buildFacilityPool(seed: number, scale: number): FacilityPool {
  const builder: PoolBuilder = { prng: createPrng(deriveSeed(seed, 0xfac)), all: [] };
  const origin = originTier(builder, scale);
  const processing = processingTier(builder, scale);
  const planted = plantedFacilities(builder);
  return { all: builder.all, ...origin, ...processing, ...planted };
}
