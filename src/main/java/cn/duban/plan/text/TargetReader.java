package cn.duban.plan.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds quantitative targets in a task's text: "利用率达到90%以上", "30%左右", "不低于95%", "≥98%", "达到264个",
 * "全覆盖". A number counts only with a verb of attainment, a comparison sign, or as a percentage with 以上/左右/以下,
 * so counts such as "3个高风险地块" or "20吨及以上" are not taken for targets.
 */
final class TargetReader {

    private static final Pattern NUMERIC =
            Pattern.compile("(?<verb>达到|不低于|不少于|不小于|不高于|不超过|不大于|控制在|提高到|提高至|提升到|提升至|降低到|降低至|降至|稳定在|保持在)?"
                    + "\\s*(?<sign>≥|≤|＞|＜|>|<)?\\s*(?<number>\\d+(?:\\.\\d+)?)\\s*"
                    + "(?<unit>%|％|个百分点|万吨|吨|万亩|亩|万户|户|个|家|座|处|平方公里|公里|万元|亿元|项|条)?"
                    + "(?<qualifier>以上|左右|以下|以内)?");
    private static final Pattern FULL_COVERAGE = Pattern.compile("全覆盖");
    private static final String STOPS = "，,；;。：:！？\n";
    private static final Map<String, String> VERB_QUALIFIER =
            Map.of("不低于", "≥", "不少于", "≥", "不小于", "≥", "不高于", "≤", "不超过", "≤", "不大于", "≤");

    private TargetReader() {}

    static List<DraftTarget> read(String text) {
        List<Positioned> found = new ArrayList<>();
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find()) {
            if (isTarget(numeric, text)) {
                found.add(new Positioned(numeric.start(), numericTarget(numeric, text)));
            }
        }
        Matcher coverage = FULL_COVERAGE.matcher(text);
        while (coverage.find()) {
            String phrase = phrase(text, coverage.start(), coverage.end());
            found.add(new Positioned(coverage.start(), new DraftTarget(phrase, BigDecimal.valueOf(100), "%", "全覆盖")));
        }
        found.sort((a, b) -> Integer.compare(a.position, b.position));
        return found.stream().map(Positioned::target).toList();
    }

    private static boolean isTarget(Matcher m, String text) {
        String unit = m.group("unit");
        if (unit == null && m.end() < text.length() && "年月日".indexOf(text.charAt(m.end())) >= 0) {
            return false;
        }
        boolean percent = "%".equals(unit) || "％".equals(unit);
        return m.group("verb") != null || m.group("sign") != null || (percent && m.group("qualifier") != null);
    }

    private static DraftTarget numericTarget(Matcher m, String text) {
        String unit = m.group("unit") == null ? null : m.group("unit").replace('％', '%');
        String qualifier = m.group("qualifier");
        if (m.group("sign") != null) {
            qualifier = m.group("sign").replace('＞', '>').replace('＜', '<');
        } else if (qualifier == null && m.group("verb") != null) {
            qualifier = VERB_QUALIFIER.get(m.group("verb"));
        }
        return new DraftTarget(phrase(text, m.start(), m.end()), new BigDecimal(m.group("number")), unit, qualifier);
    }

    /** The words from the previous punctuation mark to the end of the target, so the metric's name is kept. */
    private static String phrase(String text, int start, int end) {
        int from = start;
        while (from > 0 && STOPS.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        return text.substring(from, end).strip();
    }

    private record Positioned(int position, DraftTarget target) {}
}
