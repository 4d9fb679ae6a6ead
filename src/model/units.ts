/**
 * UN/CEFACT Recommendation 20 units. Mass units convert to kilograms; counts stay counts.
 * An input in a unit that cannot be converted is reported as a gap by the tracer, never guessed.
 */
const KG_PER_UNIT: Readonly<Record<string, number>> = {
  KGM: 1,
  GRM: 0.001,
  MGM: 0.000001,
  TNE: 1000,
  LBR: 0.45359237,
  ONZ: 0.028349523125,
  STN: 907.18474,
  LTN: 1016.0469088,
  DTN: 100,
  HGM: 0.1,
};

export function kilogramsPer(uom: string): number | undefined {
  return KG_PER_UNIT[uom.toUpperCase()];
}

export function isMassUnit(uom: string): boolean {
  return kilogramsPer(uom) !== undefined;
}

export function toKilograms(quantity: number, uom: string): number | undefined {
  const factor = kilogramsPer(uom);
  return factor === undefined ? undefined : quantity * factor;
}
