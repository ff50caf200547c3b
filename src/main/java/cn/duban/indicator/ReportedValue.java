package cn.duban.indicator;

import cn.duban.taskform.ChineseDates;
import cn.duban.taskform.SubmissionRejectedException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * A value as the lead unit submits it on the form, checked again on the server: a number (kept to 4 decimals) from 0
 * to 100 for a percentage and up to a trillion otherwise; an as-of date (统计截至日期) neither in the future nor before
 * the plan's period; a note of at most 2000 characters.
 */
record ReportedValue(BigDecimal value, LocalDate asOf, String note) {

    static final BigDecimal MAX_PERCENT = new BigDecimal("100");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    static final int NOTE_LIMIT = 2000;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    static final String VALUE_LABEL = "本期数值";
    static final String AS_OF_LABEL = "统计截至日期";
    static final String NOTE_LABEL = "说明及佐证";

    /**
     * The submitted fields, or a {@link SubmissionRejectedException} with the Chinese reason.
     *
     * @param unit        the indicator's unit ("%" allows 0 to 100)
     * @param periodStart the first year of the plan's period, null when unknown
     */
    static ReportedValue check(
            Object value, Object asOf, Object note, String unit, Integer periodStart, LocalDate today, ZoneId zone) {
        return new ReportedValue(number(value, unit), date(asOf, periodStart, today, zone), note(note));
    }

    private static BigDecimal number(Object submitted, String unit) {
        String text = submitted == null ? "" : submitted.toString().strip();
        if (text.isEmpty()) {
            throw new SubmissionRejectedException(IndicatorVariables.VALUE, "请填写“" + VALUE_LABEL + "”");
        }
        boolean finite = submitted instanceof Number number
                ? !(number instanceof Double d && !Double.isFinite(d))
                        && !(number instanceof Float f && !Float.isFinite(f))
                : DECIMAL.matcher(text).matches();
        if (!finite) {
            throw new SubmissionRejectedException(IndicatorVariables.VALUE, "“" + VALUE_LABEL + "”应为数字，如98.5（不带单位）");
        }
        // A form's number arrives as a Double, whose text may be "1.0E10"; BigDecimal reads that too.
        BigDecimal number = new BigDecimal(text).setScale(4, RoundingMode.HALF_UP);
        boolean percent = unit != null && unit.strip().equals("%");
        BigDecimal max = percent ? MAX_PERCENT : MAX_AMOUNT;
        if (number.signum() < 0 || number.compareTo(max) > 0) {
            throw new SubmissionRejectedException(
                    IndicatorVariables.VALUE,
                    percent
                            ? "“" + VALUE_LABEL + "”是百分比，应在0至100之间"
                            : "“" + VALUE_LABEL + "”应在0至" + MAX_AMOUNT.toPlainString() + "之间");
        }
        return number;
    }

    private static LocalDate date(Object submitted, Integer periodStart, LocalDate today, ZoneId zone) {
        LocalDate day;
        if (submitted instanceof Date date) {
            day = date.toInstant().atZone(zone).toLocalDate();
        } else {
            String text = submitted == null ? "" : submitted.toString().strip();
            if (text.isEmpty()) {
                throw new SubmissionRejectedException(IndicatorVariables.AS_OF, "请填写“" + AS_OF_LABEL + "”");
            }
            try {
                day = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                throw new SubmissionRejectedException(
                        IndicatorVariables.AS_OF, "“" + AS_OF_LABEL + "”格式不正确，应如 2025-12-31");
            }
        }
        if (day.isAfter(today)) {
            throw new SubmissionRejectedException(
                    IndicatorVariables.AS_OF, "“" + AS_OF_LABEL + "”不能晚于今天（" + ChineseDates.of(today) + "）");
        }
        if (periodStart != null && day.isBefore(LocalDate.of(periodStart, 1, 1))) {
            throw new SubmissionRejectedException(
                    IndicatorVariables.AS_OF,
                    "“" + AS_OF_LABEL + "”不能早于规划期开始（" + ChineseDates.of(LocalDate.of(periodStart, 1, 1)) + "）");
        }
        return day;
    }

    private static String note(Object submitted) {
        String text = submitted == null ? "" : submitted.toString().strip();
        if (text.length() > NOTE_LIMIT) {
            throw new SubmissionRejectedException(
                    IndicatorVariables.NOTE, "“" + NOTE_LABEL + "”不能超过" + NOTE_LIMIT + "个字");
        }
        return text.isEmpty() ? null : text;
    }

    /** How the form of the next round shows this report: "98.5%（统计截至2025年12月31日）". */
    String summary(String unit) {
        String shown = value.stripTrailingZeros().toPlainString() + (unit == null ? "" : unit);
        return shown + "（统计截至" + ChineseDates.of(asOf) + "）" + (note == null ? "" : "：" + note);
    }
}
