/**
 * The parts of a longer document that holds a contract (a tender, 招标文件 / 竞争性磋商文件 /
 * 单一来源采购文件): words in the titles of its chapters (`第五章 合同条款及格式`), each entry a
 * pattern with examples. Data only; `scope/contract-part.ts` reads it.
 */

/** What a part of a document is, for the reviewer (`clauses[].part`, an extra field of REPORT.md). */
export type DocumentPart =
  | 'contract'
  | 'annex'
  | 'tender_procedure'
  | 'bidder_forms'
  | 'technical_specification'
  | 'evaluation';

/** A chapter-level division word after `第N`: 章, 卷, 部分, 篇, 编. 卷 and 编 hold chapters. */
export const PART_UNITS = ['章', '卷', '部分', '篇', '编'] as const;
/** Units that contain the other units (`第一卷 … 第一章 …`). */
export const OUTER_PART_UNITS: readonly string[] = ['卷', '编'];

/**
 * A part title naming the contract: `合同条款及格式`, `拟签订的合同文本`, `采购合同`,
 * `政府采购合同主要条款指引`, `合同书格式和合同条款`, `合同基本条款及格式`, `合同格式`,
 * `合同模板`, `合同条款格式及其他`.
 */
export const CONTRACT_PART_TITLE =
  /合同(?:条款|文本|格式|模板|书|基本条款|主要条款|草案|范本|样本|示范文本|样式)|采购合同|合同(?:[（(][^（()）]{0,10}[)）])?$/;

/** A title that only mentions the contract in passing: `签订合同`, `授予合同`, `合同授予`. */
export const NOT_CONTRACT_PART_TITLE = /签订合同|授予合同|合同签订|合同授予|订立合同|合同的签订/;

/** Titles of the other parts of a tender, each with its kind (first match wins). */
export const PART_TITLES: [DocumentPart, RegExp][] = [
  // 第三章 评标办法, 第七章 评审办法, 评标细则和评分方法, 评审标准和成交原则
  ['evaluation', /评标|评审|评分|评定|成交原则/],
  // 第六章 投标文件格式, 磋商响应文件格式, 各种格式, 资格证明文件, 投标文件构成及格式
  ['bidder_forms', /投标文件|响应文件|报价文件|格式|资格证明|投标函|承诺书/],
  // 第四章 项目需求, 采购需求, 技术规格及需求, 服务技术要求, 发包人要求, 采购内容及要求
  ['technical_specification', /需求|技术|规格|规范|发包人要求|采购内容|服务内容|商务要求/],
  // 第一章 招标公告, 投标人须知, 供应商须知, 投标邀请, 单一来源邀请, 磋商公告
  ['tender_procedure', /公告|须知|邀请|前附表|投标|招标|磋商|谈判|询价/],
];

/**
 * Titles that mark the document as a tender (a contract is one of its chapters): at least one
 * such part besides the contract part is needed before the contract part is taken alone.
 */
export const TENDER_PART_TITLE =
  /招标公告|投标人须知|供应商须知|投标邀请|磋商公告|单一来源邀请|评标|评审|投标文件|响应文件|采购需求|项目需求|采购公告/;
