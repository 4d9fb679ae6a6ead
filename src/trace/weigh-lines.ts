/**
 * Makes the quantities of a group of lines comparable (the inputs of one event, or the producers
 * of one lot). Mass wins: when any line has a mass, lines without one cannot be compared and get
 * NaN. With no mass at all, counts compare only in the first unit seen. A NaN weight is the
 * `unconvertible-quantity` gap: reported, never guessed. Returns true when any line got NaN.
 */
export function weighLines(
  lines: LineColumns,
  lineIndex: Int32Array,
  from: number,
  to: number,
  out: Float64Array,
): boolean {
  // A single line needs no comparison: its mix is the mix, whatever unit it came in.
  if (to - from === 1) {
    const only = lines.kg[lineIndex[from]!]!;
    out[from] = Number.isNaN(only) ? 1 : only;
    return false;
  }
  const anyMass = hasMass(lines, lineIndex, from, to);
  const unit = anyMass ? -2 : firstUnit(lines, lineIndex, from, to);
  let gap = false;
  for (let k = from; k < to; k++) {
    const line = lineIndex[k]!;
    const weight = anyMass ? lines.kg[line]! : lines.uom[line] === unit ? lines.quantity[line]! : Number.NaN;
    out[k] = weight;
    if (Number.isNaN(weight)) gap = true;
  }
  return gap;
}

export interface LineColumns {
  readonly kg: Float64Array;
  readonly quantity: Float64Array;
  /** Index into the builder's unit table; -1 when the line has no unit. */
  readonly uom: Int32Array;
}

function hasMass(lines: LineColumns, lineIndex: Int32Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!Number.isNaN(lines.kg[lineIndex[k]!]!)) return true;
  return false;
}

/** The unit of the first line with a quantity (-1: no unit given), -2 when none has one. */
function firstUnit(lines: LineColumns, lineIndex: Int32Array, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const line = lineIndex[k]!;
    if (!Number.isNaN(lines.quantity[line]!)) return lines.uom[line]!;
  }
  return -2;
}
