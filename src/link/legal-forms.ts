/**
 * Legal-form suffixes of Chinese firm names, longest first, with the canonical label of each.
 */

/** A legal-form suffix and the label it normalises to. */
export interface LegalForm {
  readonly suffix: string;
  readonly label: string;
}

/** The suffixes recognised, tried longest first (a name may carry several, e.g. 集团有限公司). */
export const LEGAL_FORMS: readonly LegalForm[] = [
  { suffix: "股份有限公司", label: "股份有限公司" },
  { suffix: "有限责任公司", label: "有限责任公司" },
  { suffix: "股份合作公司", label: "股份合作公司" },
  { suffix: "有限公司", label: "有限公司" },
  { suffix: "股份公司", label: "股份有限公司" },
  { suffix: "总公司", label: "公司" },
  { suffix: "公司", label: "公司" },
  { suffix: "集团", label: "集团" },
  { suffix: "CO.,LTD.", label: "有限公司" },
  { suffix: "CO.,LTD", label: "有限公司" },
  { suffix: "LTD.", label: "有限公司" },
  { suffix: "LTD", label: "有限公司" },
];

/**
 * Strip every trailing legal form from a cleaned name; returns the rest and the forms' labels
 * joined with `+` (outermost last), or "" when there was none.
 * @example stripLegalForms("南京晨欧伺服集团有限公司") // => { rest: "南京晨欧伺服", form: "集团+有限公司" }
 */
export function stripLegalForms(name: string): { rest: string; form: string } {
  let rest = name;
  const labels: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of LEGAL_FORMS) {
      if (rest.length > f.suffix.length && rest.endsWith(f.suffix)) {
        rest = rest.slice(0, -f.suffix.length);
        labels.unshift(f.label);
        changed = true;
        break;
      }
    }
  }
  return { rest, form: labels.join("+") };
}
