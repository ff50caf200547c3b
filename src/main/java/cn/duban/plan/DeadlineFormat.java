package cn.duban.plan;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as a plan file writes them: {@code 2017-12-31} or {@code 2017年12月31日}. */
final class DeadlineFormat {

    static final String HINT = "应写成“2017-12-31”或“2017年12月31日”";

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");

    private DeadlineFormat() {}

    static Optional<LocalDate> parse(String text) {
        String value = text.strip();
        for (Pattern pattern : new Pattern[] {ISO, CHINESE}) {
            Matcher matcher = pattern.matcher(value);
            if (matcher.matches()) {
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
        return Optional.empty();
    }
}
