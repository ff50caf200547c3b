package cn.duban.taskform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as people in China write them: 2017年12月31日, and as the office types them: 2017-12-31. */
public final class ChineseDates {

    /** How a date should be written, for a refusal that says what is wrong. */
    public static final String HINT = "应写成“2026-06-30”或“2026年6月30日”";

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-|年)(\\d{1,2})(?:-|月)(\\d{1,2})日?");

    private ChineseDates() {}

    public static String of(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** {@code 2026-06-30} or {@code 2026年6月30日}; empty for anything else, a day that does not exist or null. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = DATE.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
