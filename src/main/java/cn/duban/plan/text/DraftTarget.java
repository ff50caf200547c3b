package cn.duban.plan.text;

import java.math.BigDecimal;

/**
 * A quantitative target written in a task's text, e.g. "达到90%以上", "30%左右", "全覆盖".
 *
 * @param phrase    the words of the text that state it ("受污染耕地安全利用率达到98%以上")
 * @param value     the number (90, 30; 100 for 全覆盖), or null when there is none
 * @param unit      the unit of the number ("%", "个", "万吨"), or null
 * @param qualifier how the number is meant: "以上", "左右", "以下", "≥", "≤", "全覆盖", or null
 */
public record DraftTarget(String phrase, BigDecimal value, String unit, String qualifier) {}
