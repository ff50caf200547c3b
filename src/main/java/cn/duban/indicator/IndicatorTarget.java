package cn.duban.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an indicator's target asks for, read from the way plans write it: a direction and a number in the
 * indicator's unit.
 *
 * <ul>
 *   <li>{@code ≥98%}, {@code 不低于98%}, {@code 90%以上}, {@code 达到264个}: at least the number;</li>
 *   <li>{@code ≤5}, {@code 不高于5}, {@code 控制在5万吨以内}, {@code 降至12万吨}: at most the number;</li>
 *   <li>{@code 30%左右}: about the number, {@link #ABOUT_TOLERANCE} of it either way;</li>
 *   <li>a bare number ({@code 100}): at least it, or at most it when the baseline is higher (a cut);</li>
 *   <li>{@code 下降10%}, {@code 增长10%} on a baseline in another unit: at most (at least) the baseline cut (raised)
 *       by that share;</li>
 *   <li>{@code 减少}, {@code 下降} without a number: lower than the baseline;</li>
 *   <li>{@code 全覆盖}: at least 100;</li>
 *   <li>anything else, e.g. {@code 水质类别不降低}, {@code 保持稳定}: qualitative, not judged by numbers.</li>
 * </ul>
 */
record IndicatorTarget(Direction direction, BigDecimal value) {

    /** "About 30" means 27 to 33. */
    static final BigDecimal ABOUT_TOLERANCE = new BigDecimal("0.10");

    enum Direction {
        AT_LEAST,
        AT_MOST,
        ABOUT,
        BELOW_BASELINE,
        QUALITATIVE
    }

    static final IndicatorTarget QUALITATIVE = new IndicatorTarget(Direction.QUALITATIVE, null);

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern ABOUT = Pattern.compile("左右|上下|约\\s*\\d");
    private static final List<String> AT_LEAST_FIRST = List.of("≥", "不低于", "不少于", "以上", "至少");
    private static final List<String> AT_MOST = List.of(
            "≤", "不高于", "不超过", "不大于", "以内", "以下", "控制在", "降至", "降到", "下降到", "下降至", "减少到", "减少至", "降低到", "降低至", "低于",
            "小于", "<");
    private static final List<String> AT_LEAST =
            List.of("达到", "超过", "高于", "大于", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", ">");
    private static final List<String> CUT = List.of("减少", "下降", "降低", "削减", "减量");
    private static final List<String> RISE = List.of("增长", "提高", "提升", "增加");
    private static final List<String> STEADY =
            List.of("不降低", "不下降", "不减少", "不恶化", "保持稳定", "稳定", "稳中向好", "持续改善", "只增不减");

    /** The target as written ({@code target}), given the indicator's numeric baseline (null when it has none). */
    static IndicatorTarget read(String target, BigDecimal baseline, String unit) {
        String text = normalized(target);
        if (text.isEmpty()) {
            return QUALITATIVE;
        }
        BigDecimal number = numberIn(text);
        if (number == null) {
            if (containsAny(text, STEADY)) {
                return QUALITATIVE;
            }
            if (containsAny(text, CUT)) {
                return new IndicatorTarget(Direction.BELOW_BASELINE, null);
            }
            if (text.contains("全覆盖")) {
                return new IndicatorTarget(Direction.AT_LEAST, new BigDecimal("100"));
            }
            return QUALITATIVE;
        }
        if (ABOUT.matcher(text).find()) {
            return new IndicatorTarget(Direction.ABOUT, number);
        }
        if (containsAny(text, AT_LEAST_FIRST)) {
            return new IndicatorTarget(Direction.AT_LEAST, number);
        }
        if (containsAny(text, AT_MOST)) {
            return new IndicatorTarget(Direction.AT_MOST, number);
        }
        if (containsAny(text, AT_LEAST)) {
            return new IndicatorTarget(Direction.AT_LEAST, number);
        }
        boolean share = text.contains("%") && !"%".equals(normalized(unit));
        if (containsAny(text, CUT)) {
            return share && baseline != null
                    ? new IndicatorTarget(Direction.AT_MOST, scaled(baseline, BigDecimal.ONE.subtract(percent(number))))
                    : QUALITATIVE;
        }
        if (containsAny(text, RISE)) {
            return share && baseline != null
                    ? new IndicatorTarget(Direction.AT_LEAST, scaled(baseline, BigDecimal.ONE.add(percent(number))))
                    : QUALITATIVE;
        }
        if (containsAny(text, STEADY)) {
            return QUALITATIVE;
        }
        boolean cut = baseline != null && baseline.compareTo(number) > 0;
        return new IndicatorTarget(cut ? Direction.AT_MOST : Direction.AT_LEAST, number);
    }

    /** The first number written in {@code text} ("14.53万吨" → 14.53), or null when there is none ("--"). */
    static BigDecimal numberIn(String text) {
        Matcher matcher = NUMBER.matcher(normalized(text).replaceAll("(?<=\\d),(?=\\d{3})", ""));
        return matcher.find() ? new BigDecimal(matcher.group()) : null;
    }

    private static String normalized(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (char c : text.strip().toCharArray()) {
            if (c >= '０' && c <= '９') {
                plain.append((char) (c - '０' + '0'));
            } else if (c == '％') {
                plain.append('%');
            } else if (c == '．') {
                plain.append('.');
            } else if (c == '≧') {
                plain.append('≥');
            } else if (c == '≦') {
                plain.append('≤');
            } else {
                plain.append(c);
            }
        }
        return plain.toString()
                .replace(">=", "≥")
                .replace("<=", "≤")
                .replace("＞＝", "≥")
                .replace("＜＝", "≤");
    }

    private static boolean containsAny(String text, List<String> words) {
        return words.stream().anyMatch(text::contains);
    }

    private static BigDecimal percent(BigDecimal number) {
        return number.movePointLeft(2);
    }

    private static BigDecimal scaled(BigDecimal baseline, BigDecimal factor) {
        return baseline.multiply(factor).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
