/**
 * GS1 keys as EPC URNs. Company prefixes are 7 digits and location/party references 5, so every
 * GLN is 13 digits with a valid check digit (importers may verify it).
 */

/** GS1 mod-10 check digit over a digit string (weights 3,1,3,… from the right). */
export function gs1CheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return String((10 - (sum % 10)) % 10);
}

export function gln(companyPrefix: string, reference: string): string {
  const body = companyPrefix + reference;
  return body + gs1CheckDigit(body);
}

export function sglnUrn(companyPrefix: string, reference: string): string {
  return `urn:epc:id:sgln:${companyPrefix}.${reference}.0`;
}

export function pglnUrn(companyPrefix: string, reference: string): string {
  return `urn:epc:id:pgln:${companyPrefix}.${reference}`;
}

/** LGTIN class URN: indicator digit 0 in front of the 5-digit item reference. */
export function lgtinUrn(companyPrefix: string, itemReference: string, lot: string): string {
  return `urn:epc:class:lgtin:${companyPrefix}.0${itemReference}.${lot}`;
}

/** CBV business-transaction URN carrying the issuer's GLN, as CBV 2.0 §8.5 recommends. */
export function bizTransactionUrn(issuerGln: string, documentNumber: string): string {
  return `urn:epcglobal:cbv:bt:${issuerGln}:${documentNumber}`;
}
