/**
 * What a blank to fill in looks like (REPORT.md "Blanks are blanks"): underscores, empty
 * brackets, a platform placeholder, a slash. Data only; `recognize/blanks.ts` reads it.
 */

/**
 * A value that states nothing, each alternative with an example: `____`, `【 】`, `（ ）`,
 * `{{乙方名称}}`, `[合同中心-合同总价]`, `/`, `XX` / `××`, `年 月 日`, or nothing at all.
 */
export const BLANK_VALUE = new RegExp(
  [
    '^[\\s_＿\\-—–.…·]*$', // `____`, `——`, empty
    '^[\\s_＿]*[【\\[（(][\\s_＿]*[】\\]）)][\\s_＿]*$', // `【 】`, `（ ）`
    '^\\{\\{[^{}]{1,40}\\}\\}$', // `{{供应商名称}}`
    '^\\[[^\\[\\]]{0,20}(?:合同中心|采购单位|供应商|名称|编号|金额|日期)[^\\[\\]]{0,20}\\]$', // `[合同中心-合同编码]`
    '^[\\s/／]+$', // `/`
    '^[Xx×＊*]{2,}$', // `XX`
    '^[\\s_]*年[\\s_]*月[\\s_]*日[\\s_]*$', // `年 月 日`
    '^[（(]?(?:盖章|签字|签章|公章|签名)[)）]?$', // only the seal hint: `（盖章）`
  ].join('|'),
);

/** A placeholder inside a longer value: `[合同中心-合同总价]`, `{{合同金额}}`, a run of underscores. */
export const PLACEHOLDER = /\[合同中心[^\]]{0,30}\]|\{\{[^{}]{1,40}\}\}|[_＿]{3,}/;
