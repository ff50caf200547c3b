package cn.duban.plan.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the deadline and the start a task's text states. These phrasings count: "2023年底前", "到2025年",
 * "2024年6月底前", "2024年10月15日前", "2025年前", "2021-2025年" (deadline), "2023年起" (start) and, in the plan's
 * own year, "6月底前", "年内", "上半年". A bare year ("2020年") is a baseline or a reference, not a deadline. Years
 * inside 《》 belong to a document's name and are ignored.
 */
final class DeadlineReader {

    private static final Pattern DATE_PHRASE = Pattern.compile(String.join(
            "|",
            "(?<rangeFrom>\\d{4})年?\\s*[-－—–~～至到]\\s*(?<rangeTo>\\d{4})\\s*年",
            "(?<dayYear>\\d{4})年(?<dayMonth>\\d{1,2})月(?<day>\\d{1,2})日(?:之?前)",
            "(?:到|至)(?<toYm>\\d{4})年(?<toM>\\d{1,2})月",
            "(?:到|至)(?<to>\\d{4})年",
            "(?<monthYear>\\d{4})年(?<month>\\d{1,2})月(?:底|末)?之?前",
            "(?<endYear>\\d{4})年(?:底|末)前?",
            "(?<byYear>\\d{4})年前",
            "(?<startYear>\\d{4})年(?:(?<startMonth>\\d{1,2})月)?(?:起|开始)",
            "(?<halfYear>\\d{4})?年?上半年",
            "(?:(?<quarterYear>\\d{4})年)?第?(?<quarter>[一二三四1-4])季度(?:末|底)?",
            "(?<![\\d年月])(?<bareMonth>\\d{1,2})月(?:底|末)?之?前",
            "(?<![\\d一二三四五六七八九十两几])(?<withinYear>年内|年底前|今年底前|本年底前|全年)"));
    private static final Pattern CELL_DATE = Pattern.compile(
            "^(?<year>\\d{4})\\s*[年.．/-]\\s*(?:(?<month>\\d{1,2})\\s*(?:月|[.．/-])?\\s*(?:(?<day>\\d{1,2})\\s*日?)?)?"
                    + "\\s*(?:底|末)?\\s*(?:之?前|完成)?$");
    private static final Pattern CELL_MONTH = Pattern.compile("^(?<month>\\d{1,2})月(?:底|末)?(?:之?前|完成)?$");
    private static final Pattern DOCUMENT_NAME = Pattern.compile("《[^》]*》");
    private static final String CLAUSE_STOPS = "。；;\n";

    private DeadlineReader() {}

    static TaskDates read(String text) {
        return read(text, null);
    }

    /**
     * When a task states several deadlines the LAST one stated counts and each becomes a milestone; the first stated
     * start counts.
     *
     * @param planYear the plan's (first) year, for "6月底前" and "年内"; null when the plan names none
     */
    static TaskDates read(String text, Integer planYear) {
        String plain = DOCUMENT_NAME
                .matcher(text)
                .replaceAll(m -> "《" + "　".repeat(m.group().length() - 2) + "》");
        Matcher matcher = DATE_PHRASE.matcher(plain);
        LocalDate deadline = null;
        LocalDate start = null;
        List<DraftMilestone> dated = new ArrayList<>();
        while (matcher.find()) {
            if (matcher.group("startYear") != null) {
                if (start == null) {
                    int month = matcher.group("startMonth") == null ? 1 : number(matcher, "startMonth");
                    start = LocalDate.of(number(matcher, "startYear"), Math.max(1, Math.min(12, month)), 1);
                }
                continue;
            }
            LocalDate due = deadlineOf(matcher, planYear);
            if (due == null) {
                continue;
            }
            deadline = due;
            if (dated.isEmpty() || !dated.get(dated.size() - 1).due().equals(due)) {
                dated.add(new DraftMilestone(due, clauseFrom(text, matcher.start())));
            }
        }
        boolean several = dated.stream().map(DraftMilestone::due).distinct().count() > 1;
        return new TaskDates(deadline, start, several ? List.copyOf(dated) : List.of());
    }

    /** A deadline written on its own, in a table cell or after "完成时限：": "2025年9月", "2024.6", "12月底前", "年内". */
    static LocalDate readCell(String cell, Integer planYear) {
        String text = cell.strip().replaceAll("\\s+", "");
        Matcher date = CELL_DATE.matcher(text);
        try {
            if (date.matches()) {
                int year = Integer.parseInt(date.group("year"));
                if (date.group("month") == null) {
                    return LocalDate.of(year, 12, 31);
                }
                int month = Integer.parseInt(date.group("month"));
                return date.group("day") == null
                        ? endOfMonth(year, month)
                        : LocalDate.of(year, month, Integer.parseInt(date.group("day")));
            }
            Matcher month = CELL_MONTH.matcher(text);
            if (month.matches() && planYear != null) {
                return endOfMonth(planYear, Integer.parseInt(month.group("month")));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return read(text, planYear).deadline();
    }

    private static LocalDate deadlineOf(Matcher matcher, Integer planYear) {
        try {
            if (matcher.group("dayYear") != null) {
                return LocalDate.of(number(matcher, "dayYear"), number(matcher, "dayMonth"), number(matcher, "day"));
            }
        } catch (DateTimeException e) {
            return null;
        }
        if (matcher.group("toYm") != null) {
            return endOfMonth(number(matcher, "toYm"), number(matcher, "toM"));
        }
        if (matcher.group("monthYear") != null) {
            return endOfMonth(number(matcher, "monthYear"), number(matcher, "month"));
        }
        if (matcher.group("bareMonth") != null) {
            return planYear == null ? null : endOfMonth(planYear, number(matcher, "bareMonth"));
        }
        if (matcher.group("withinYear") != null) {
            return planYear == null ? null : LocalDate.of(planYear, 12, 31);
        }
        if (matcher.group("quarter") != null) {
            Integer year =
                    matcher.group("quarterYear") != null ? Integer.valueOf(number(matcher, "quarterYear")) : planYear;
            int quarter = "一二三四".indexOf(matcher.group("quarter")) + 1;
            quarter = quarter > 0 ? quarter : Integer.parseInt(matcher.group("quarter"));
            return year == null ? null : endOfMonth(year, quarter * 3);
        }
        if (matcher.group().endsWith("上半年")) {
            Integer year = matcher.group("halfYear") != null ? Integer.valueOf(number(matcher, "halfYear")) : planYear;
            return year == null ? null : LocalDate.of(year, 6, 30);
        }
        // "2025年前" is read as "by 2025", i.e. the end of 2025, like 到2025年, not as the end of 2024.
        for (String group : new String[] {"rangeTo", "to", "endYear", "byYear"}) {
            if (matcher.group(group) != null) {
                return LocalDate.of(number(matcher, group), 12, 31);
            }
        }
        throw new IllegalStateException("unmatched date phrase " + matcher.group());
    }

    /** The commitment a date phrase opens: up to the next full stop, semicolon or comma followed by another date. */
    private static String clauseFrom(String text, int from) {
        int to = from;
        while (to < text.length()
                && CLAUSE_STOPS.indexOf(text.charAt(to)) < 0
                && !(text.charAt(to) == '，' && to + 1 < text.length() && startsDate(text, to + 1))) {
            to++;
        }
        return text.substring(from, to).strip();
    }

    private static boolean startsDate(String text, int at) {
        Matcher next = DATE_PHRASE.matcher(text);
        return next.find(at) && next.start() == at;
    }

    private static LocalDate endOfMonth(int year, int month) {
        return month >= 1 && month <= 12 ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, 12, 31);
    }

    private static int number(Matcher matcher, String group) {
        return Integer.parseInt(matcher.group(group));
    }
}
