package cn.duban.plan.text;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the deadline and the start a task's text states. Only these phrasings count: "2023年底前", "到2025年",
 * "2024年6月底前", "2025年前", "2021-2025年" (deadline) and "2023年起" (start). A bare year ("2020年") is a
 * baseline or a reference, not a deadline. Years inside 《》 belong to a document's name and are ignored.
 */
final class DeadlineReader {

    private static final Pattern DATE_PHRASE = Pattern.compile(String.join("|",
            "(?<rangeFrom>\\d{4})年?\\s*[-－—–~～至到]\\s*(?<rangeTo>\\d{4})\\s*年",
            "(?:到|至)(?<toYm>\\d{4})年(?<toM>\\d{1,2})月",
            "(?:到|至)(?<to>\\d{4})年",
            "(?<monthYear>\\d{4})年(?<month>\\d{1,2})月(?:底|末)?前",
            "(?<endYear>\\d{4})年(?:底|末)前?",
            "(?<byYear>\\d{4})年前",
            "(?<startYear>\\d{4})年(?:(?<startMonth>\\d{1,2})月)?(?:起|开始)"));
    private static final Pattern DOCUMENT_NAME = Pattern.compile("《[^》]*》");

    private DeadlineReader() {
    }

    /** When a task states several deadlines the LAST one stated counts; the first stated start counts. */
    static TaskDates read(String text) {
        Matcher matcher = DATE_PHRASE.matcher(DOCUMENT_NAME.matcher(text).replaceAll("《》"));
        LocalDate deadline = null;
        LocalDate start = null;
        while (matcher.find()) {
            if (matcher.group("startYear") != null) {
                if (start == null) {
                    int month = matcher.group("startMonth") == null ? 1 : number(matcher, "startMonth");
                    start = LocalDate.of(number(matcher, "startYear"), month, 1);
                }
            } else {
                deadline = deadlineOf(matcher);
            }
        }
        return new TaskDates(deadline, start);
    }

    private static LocalDate deadlineOf(Matcher matcher) {
        if (matcher.group("toYm") != null) {
            return endOfMonth(number(matcher, "toYm"), number(matcher, "toM"));
        }
        if (matcher.group("monthYear") != null) {
            return endOfMonth(number(matcher, "monthYear"), number(matcher, "month"));
        }
        // "2025年前" is read as "by 2025", i.e. the end of 2025, like 到2025年, not as the end of 2024.
        for (String group : new String[] {"rangeTo", "to", "endYear", "byYear"}) {
            if (matcher.group(group) != null) {
                return LocalDate.of(number(matcher, group), 12, 31);
            }
        }
        throw new IllegalStateException("unmatched date phrase " + matcher.group());
    }

    private static LocalDate endOfMonth(int year, int month) {
        return month >= 1 && month <= 12 ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, 12, 31);
    }

    private static int number(Matcher matcher, String group) {
        return Integer.parseInt(matcher.group(group));
    }
}
