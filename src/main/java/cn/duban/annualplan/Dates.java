package cn.duban.annualplan;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A deadline as the office writes it: {@code 2026-06-30} or {@code 2026年6月30日}. */
final class Dates {

    static final String HINT = "应写成“2026-06-30”或“2026年6月30日”";
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-|年)(\\d{1,2})(?:-|月)(\\d{1,2})日?");

    private Dates() {}

    static Optional<LocalDate> parse(String text) {
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
