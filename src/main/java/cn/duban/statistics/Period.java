package cn.duban.statistics;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A month, quarter or year of Beijing calendar days: {@code 2026-11}, {@code 2026-Q4}, {@code 2026}. */
record Period(Kind kind, int year, int index) {

    enum Kind {
        MONTH,
        QUARTER,
        YEAR
    }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final String[] QUARTER_NAMES = {"一", "二", "三", "四"};

    /** The period named by {@code key}, of the kind {@code kind} (month, quarter, year); refused in Chinese. */
    static Period parse(String kind, String key) {
        String k = kind == null ? "" : kind.strip().toLowerCase();
        String v = key == null ? "" : key.strip().toUpperCase();
        Matcher m;
        Period period = switch (k) {
            case "month" ->
                (m = MONTH.matcher(v)).matches()
                                && Integer.parseInt(m.group(2)) >= 1
                                && Integer.parseInt(m.group(2)) <= 12
                        ? new Period(Kind.MONTH, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                        : null;
            case "quarter" ->
                (m = QUARTER.matcher(v)).matches()
                        ? new Period(Kind.QUARTER, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                        : null;
            case "year" ->
                (m = YEAR.matcher(v)).matches() ? new Period(Kind.YEAR, Integer.parseInt(m.group(1)), 1) : null;
            default ->
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "统计周期应为 month（月）、quarter（季度）或 year（年）");
        };
        if (period == null || period.year < 2000 || period.year > 2100) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "统计期间“" + key + "”无法识别，应如 "
                            + switch (k) {
                                case "month" -> "2026-11";
                                case "quarter" -> "2026-Q4";
                                default -> "2026";
                            }
                            + "（2000—2100年）");
        }
        return period;
    }

    static Kind kind(String kind) {
        return switch (kind == null ? "" : kind.strip().toLowerCase()) {
            case "month" -> Kind.MONTH;
            case "quarter" -> Kind.QUARTER;
            case "year" -> Kind.YEAR;
            default ->
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "统计周期应为 month（月）、quarter（季度）或 year（年）");
        };
    }

    static Period containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case MONTH -> new Period(kind, day.getYear(), day.getMonthValue());
            case QUARTER -> new Period(kind, day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case YEAR -> new Period(kind, day.getYear(), 1);
        };
    }

    LocalDate start() {
        return switch (kind) {
            case MONTH -> LocalDate.of(year, index, 1);
            case QUARTER -> LocalDate.of(year, (index - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    /** The first day after the period. */
    LocalDate end() {
        return switch (kind) {
            case MONTH -> start().plusMonths(1);
            case QUARTER -> start().plusMonths(3);
            case YEAR -> start().plusYears(1);
        };
    }

    Period previous() {
        return containing(kind, start().minusDays(1));
    }

    String key() {
        return switch (kind) {
            case MONTH -> "%d-%02d".formatted(year, index);
            case QUARTER -> year + "-Q" + index;
            case YEAR -> String.valueOf(year);
        };
    }

    String label() {
        return switch (kind) {
            case MONTH -> year + "年" + index + "月";
            case QUARTER -> year + "年第" + QUARTER_NAMES[index - 1] + "季度";
            case YEAR -> year + "年";
        };
    }
}
