/**
 * The raw sources of study B (STUDIES.md B.1) under canonical names: what a user's files must
 * provide (their own column names are mapped onto these in the YAML configuration) and what the
 * synthetic generator writes. Economies are ISO 3166 alpha-3 codes throughout.
 */
import type { SourceTableSchema, StudySchema } from "../types.js";
import { IFR_CODES, SECTOR_CODES } from "./sectors.js";

const ifr: SourceTableSchema = {
  name: "ifr",
  description: "IFR World Robotics, economy × application industry × year (1993–2020)",
  columns: [
    { name: "iso3", type: "string", description: "economy, ISO 3166 alpha-3 code (e.g. DEU)" },
    {
      name: "industry",
      type: "string",
      description: `application industry, one of ${IFR_CODES.join(", ")} (the 14 manufacturing industries by ISIC Rev. 4, then other industries and 99 unspecified)`,
    },
    { name: "year", type: "integer", description: "year" },
    { name: "installations", type: "number", description: "robots installed in the year (units)" },
    {
      name: "stock",
      type: "number",
      description: "operational stock of robots at the end of the year (units)",
    },
  ],
};

const pwt: SourceTableSchema = {
  name: "pwt",
  description: "Penn World Table (10.01 or compatible), economy × year",
  columns: [
    { name: "iso3", type: "string", description: "economy, ISO 3166 alpha-3 code (PWT countrycode)" },
    { name: "country", type: "string", description: "economy name", optional: true },
    { name: "year", type: "integer", description: "year" },
    {
      name: "ctfp",
      type: "number",
      description: "TFP level at current PPPs, USA = 1 (comparable across economies)",
    },
    {
      name: "rtfpna",
      type: "number",
      description: "TFP at constant national prices, 2017 = 1 (comparable over time)",
    },
    { name: "hc", type: "number", description: "human capital index" },
    { name: "rgdpna", type: "number", description: "real GDP at constant national prices, million 2017 US$" },
    {
      name: "rgdpo",
      type: "number",
      description: "output-side real GDP at chained PPPs, million 2017 US$",
      optional: true,
    },
    { name: "pop", type: "number", description: "population, millions" },
    { name: "emp", type: "number", description: "persons engaged, millions" },
  ],
};

const wiodSea: SourceTableSchema = {
  name: "wiod_sea",
  description:
    "WIOD Socio-Economic Accounts 2016, economy × sector × year (2000–2014); money deflated, million 2010 US$",
  columns: [
    { name: "iso3", type: "string", description: "economy, ISO 3166 alpha-3 code" },
    { name: "sector", type: "string", description: `sector, one of ${SECTOR_CODES.join(", ")}` },
    { name: "year", type: "integer", description: "year" },
    { name: "va", type: "number", description: "value added (VA), deflated" },
    { name: "go", type: "number", description: "gross output (GO), deflated" },
    { name: "ii", type: "number", description: "intermediate inputs (II), deflated" },
    {
      name: "emp",
      type: "number",
      description: "persons engaged (EMP), thousands; may be empty for China (filled from china_labour)",
    },
    {
      name: "empe",
      type: "number",
      description: "number of employees (EMPE), thousands; may be empty for China (filled from china_labour)",
    },
    {
      name: "h_empe",
      type: "number",
      description: "hours worked by employees (H_EMPE), millions; may be empty for China",
    },
    { name: "k", type: "number", description: "capital stock (K), deflated" },
  ],
};

const wdi: SourceTableSchema = {
  name: "wdi",
  description: "World Bank World Development Indicators, economy × year",
  columns: [
    { name: "iso3", type: "string", description: "economy, ISO 3166 alpha-3 code" },
    { name: "year", type: "integer", description: "year" },
    { name: "fdi", type: "number", description: "foreign direct investment, net inflows (% of GDP)" },
    { name: "internet", type: "number", description: "individuals using the Internet (per 100 people)" },
    { name: "services_va", type: "number", description: "services, value added (% of GDP)" },
    {
      name: "industry_va",
      type: "number",
      description: "industry (incl. construction), value added (% of GDP)",
    },
  ],
};

const chinaLabour: SourceTableSchema = {
  name: "china_labour",
  description: "China Labour Statistical Yearbook: China's employment by WIOD sector × year (2000–2014)",
  columns: [
    { name: "sector", type: "string", description: `sector, one of ${SECTOR_CODES.join(", ")}` },
    { name: "year", type: "integer", description: "year" },
    { name: "emp", type: "number", description: "persons employed, thousands" },
    { name: "hours_per_week", type: "number", description: "average weekly hours per employed person" },
  ],
};

/** Study B's raw-source schema. */
export const schema: StudySchema = {
  study: "tfp-divergence",
  tables: [ifr, pwt, wiodSea, wdi, chinaLabour],
};
