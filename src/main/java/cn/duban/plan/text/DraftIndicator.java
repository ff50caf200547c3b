package cn.duban.plan.text;

/**
 * A row of a plan's indicator table (指标表).
 *
 * @param category  the indicator's group as the table gives it (e.g. 生态环境, 农业农村生态环境), or null
 * @param name      the indicator (e.g. 受污染耕地安全利用率)
 * @param unit      the unit of measure when the table or the values show one ("%", "万吨", "个"), or null
 * @param baseline  the baseline value as written (2020 for a 十四五 plan; "--" becomes null)
 * @param target    the target value as written ("≥98%", "30%左右", "减少")
 * @param binding   true for 约束性 (binding), false for 预期性 (expected)
 * @param source    where the indicator comes from, when the table says, else null
 */
public record DraftIndicator(
        String category, String name, String unit, String baseline, String target, boolean binding, String source) {}
