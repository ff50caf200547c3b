package cn.duban.plan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which tasks serve a binding indicator (约束性指标) of their plan: those whose title or text names it. A plan names
 * an indicator by its measure ("农村生活污水治理率") and a task by the work ("持续推进农村生活污水治理"), so the name
 * is compared without its measure word (率, 比例, 数量, 量).
 */
final class BindingIndicators {

    private static final Pattern MEASURE = Pattern.compile("(?:率|比例|数量|使用量|量)$");
    private static final Pattern NOISE = Pattern.compile("[\\s()（）\"“”《》]");
    /** Shorter stems ("化肥") would match too much. */
    private static final int SHORTEST_STEM = 4;

    private BindingIndicators() {}

    static boolean servesBindingIndicator(String title, String text, List<PlanFile.Indicator> indicators) {
        if (indicators == null) {
            return false;
        }
        String task = NOISE.matcher((title == null ? "" : title) + "\n" + (text == null ? "" : text))
                .replaceAll("");
        return indicators.stream()
                .filter(indicator -> indicator != null && Boolean.TRUE.equals(indicator.binding()))
                .map(indicator -> stem(indicator.name()))
                .anyMatch(stem -> stem.length() >= SHORTEST_STEM && task.contains(stem));
    }

    static String stem(String indicatorName) {
        String name = NOISE.matcher(indicatorName == null ? "" : indicatorName).replaceAll("");
        return MEASURE.matcher(name).replaceFirst("");
    }
}
