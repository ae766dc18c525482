/**
 * The raw sources of study A (STUDIES.md A.1) under canonical English names: what a user's files
 * must provide (their own column names are mapped onto these in the YAML configuration) and what
 * the synthetic generator writes.
 */
import type { SourceTableSchema, StudySchema } from "../types.js";

const registry: SourceTableSchema = {
  name: "registry",
  description: "business registry (工商注册登记), one row per registered firm",
  columns: [
    {
      name: "credit_code",
      type: "string",
      description:
        "unified social credit code (统一社会信用代码), 18 characters; characters 9–17 are the organisation code. Empty when the firm has none",
    },
    { name: "firm_name", type: "string", description: "registered name (企业名称)" },
    { name: "scope", type: "string", description: "business scope text (经营范围)" },
    { name: "address", type: "string", description: "registered address (住所), province and city first" },
    { name: "founding_date", type: "string", description: "founding date (成立日期), YYYY-MM-DD" },
    {
      name: "registered_capital",
      type: "number",
      description: "registered capital (注册资本), 10,000 yuan",
      optional: true,
    },
    {
      name: "former_names",
      type: "string",
      description: "former names (曾用名), `;`-separated, each optionally `name@last year used`",
      optional: true,
    },
  ],
};

const customs: SourceTableSchema = {
  name: "customs",
  description: "customs transactions (海关进出口), firm × HS8 × year × trade mode × partner",
  columns: [
    { name: "year", type: "integer", description: "year (年份)" },
    { name: "firm_code", type: "string", description: "customs enterprise code (企业编码), 10 digits" },
    { name: "firm_name", type: "string", description: "firm name (企业名称) as declared" },
    { name: "city", type: "string", description: "city of the firm (所在城市), Chinese name, e.g. 苏州市" },
    { name: "flow", type: "string", description: "direction (进出口): 进口 import or 出口 export" },
    { name: "hs8", type: "string", description: "8-digit HS product code (商品编码)" },
    { name: "trade_mode", type: "string", description: "trade mode (贸易方式), e.g. 一般贸易, 进料加工贸易" },
    {
      name: "country",
      type: "string",
      description: "origin (imports) or destination (exports) country (国家)",
    },
    { name: "value_usd", type: "number", description: "value (金额), US dollars" },
    { name: "quantity", type: "number", description: "quantity (数量) in the declared unit" },
  ],
};

const asie: SourceTableSchema = {
  name: "asie",
  description:
    "annual survey of industrial enterprises (工业企业数据库), firm × year; money in thousand yuan",
  columns: [
    { name: "year", type: "integer", description: "year (年份)" },
    {
      name: "org_code",
      type: "string",
      description:
        "legal-person (organisation) code (法人代码/组织机构代码), 9 characters, often written 8-1",
    },
    { name: "firm_name", type: "string", description: "firm name (企业名称)" },
    { name: "cic4", type: "string", description: "4-digit CIC industry (行业代码, GB/T 4754-2002)" },
    {
      name: "region_code",
      type: "string",
      description: "6-digit administrative code (行政区划代码); the first 4 digits are the city",
    },
    { name: "output", type: "number", description: "gross industrial output (工业总产值)" },
    { name: "value_added", type: "number", description: "industrial value added (工业增加值)" },
    { name: "employment", type: "number", description: "employees, annual average (全部从业人员年平均人数)" },
    { name: "net_fixed_assets", type: "number", description: "net fixed assets (固定资产净值)" },
    { name: "total_assets", type: "number", description: "total assets (资产总计)" },
    { name: "sales", type: "number", description: "main business revenue (主营业务收入)" },
    { name: "sales_expense", type: "number", description: "sales expenses (销售费用)" },
    { name: "total_profit", type: "number", description: "total profit (利润总额); negative for losses" },
    { name: "intermediate_inputs", type: "number", description: "intermediate inputs (工业中间投入合计)" },
    {
      name: "ownership_type",
      type: "string",
      description:
        "registration type code (登记注册类型), e.g. 110 state-owned, 173 private limited, 310 Sino-foreign JV",
    },
    { name: "founding_year", type: "integer", description: "year founded (开业年份)" },
    { name: "export_value", type: "number", description: "export delivery value (出口交货值)" },
    {
      name: "products",
      type: "string",
      description: "main products (主要产品), separated by ；or ; — empty where not recorded",
      optional: true,
    },
  ],
};

const patents: SourceTableSchema = {
  name: "patents",
  description: "patent applications (专利数据库), one row per application",
  columns: [
    { name: "application_no", type: "string", description: "application number (申请号)" },
    { name: "applicant", type: "string", description: "first applicant's name (申请人) as filed" },
    { name: "application_year", type: "integer", description: "application year (申请年份)" },
    {
      name: "patent_type",
      type: "string",
      description: "type (专利类型): 发明 invention, 实用新型 utility model, 外观设计 design",
    },
    { name: "address", type: "string", description: "applicant's address (申请人地址)" },
    { name: "title", type: "string", description: "title (专利名称)", optional: true },
  ],
};

const cityStats: SourceTableSchema = {
  name: "city_stats",
  description: "city statistics (城市统计年鉴), city × year",
  columns: [
    { name: "city_code", type: "string", description: "4-digit city code (城市代码)" },
    { name: "city_name", type: "string", description: "city name (城市名称), e.g. 苏州市" },
    { name: "province", type: "string", description: "province name (省份), e.g. 江苏省" },
    { name: "year", type: "integer", description: "year (年份)" },
    { name: "gdp_per_capita", type: "number", description: "GDP per capita (人均地区生产总值), yuan" },
    {
      name: "secondary_share",
      type: "number",
      description: "secondary industry share of GDP (第二产业占比), percent",
    },
    {
      name: "education_expenditure",
      type: "number",
      description: "education expenditure (教育支出), 10,000 yuan",
    },
  ],
};

const usRobots: SourceTableSchema = {
  name: "us_robots",
  description: "IFR operational stock of industrial robots in US industries, industry × year",
  columns: [
    {
      name: "industry",
      type: "string",
      description: "IFR industry code, e.g. 29 (automotive), 26-27 (electronics)",
    },
    { name: "year", type: "integer", description: "year" },
    { name: "robot_stock", type: "number", description: "operational stock of robots (units)" },
  ],
};

const usEmployment: SourceTableSchema = {
  name: "us_employment",
  description: "US employment by IFR industry in the base year 2000",
  columns: [
    { name: "industry", type: "string", description: "IFR industry code (as in us_robots)" },
    { name: "employment_2000", type: "number", description: "employment in 2000 (thousand persons)" },
  ],
};

const baseEmployment: SourceTableSchema = {
  name: "base_employment",
  description: "employment by city × IFR industry in China in 2000 (base year of the instrument)",
  columns: [
    { name: "city_code", type: "string", description: "4-digit city code (as in city_stats)" },
    { name: "industry", type: "string", description: "IFR industry code (as in us_robots)" },
    { name: "employment", type: "number", description: "employment in 2000 (persons)" },
  ],
};

const nberCes: SourceTableSchema = {
  name: "nber_ces",
  description: "NBER-CES US manufacturing productivity by NAICS industry × year, with its matched CIC code",
  columns: [
    { name: "naics", type: "string", description: "6-digit NAICS industry" },
    { name: "cic4", type: "string", description: "matched 4-digit Chinese industry (CIC)" },
    { name: "year", type: "integer", description: "year" },
    { name: "emp", type: "number", description: "employment (thousand workers)" },
    { name: "vadd", type: "number", description: "value added (million US dollars)" },
  ],
};

const bec: SourceTableSchema = {
  name: "bec",
  description: "BEC classification: the capital-goods share of each HS6 product",
  columns: [
    { name: "hs6", type: "string", description: "6-digit HS code" },
    {
      name: "capital_share",
      type: "number",
      description: "share of the product that is a capital good (0–1)",
    },
  ],
};

/** The ten raw sources of study A. */
export const SCHEMA: StudySchema = {
  study: "upstream-innovation",
  tables: [registry, customs, asie, patents, cityStats, usRobots, usEmployment, baseEmployment, nberCes, bec],
};
