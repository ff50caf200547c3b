package cn.duban.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;

/**
 * China's statutory working days: Monday to Friday, except the holidays and adjusted working days (调休) of the
 * State Council's schedule, which come from the tyme4j library ({@link StatutoryHolidays}), or, for a year the
 * supervision office imported itself (a year the library does not carry yet, or a correction), from
 * {@code duban.calendar_year} and {@code duban.calendar_day}. A year neither carries counts Monday to Friday, and
 * says so ({@link #MISSING_YEAR}). The office's years are not cached beyond a transaction: a transaction reads each
 * year it needs once, in one query, so an import is seen at once on every node.
 */
@Service
public class WorkingDayCalendar {

    /** Days read beyond the estimate, enough for the longest holiday. */
    private static final int MARGIN_DAYS = 31;

    /** What the task, the dashboard and the health check say of a year whose holidays nobody has. */
    public static final String MISSING_YEAR = "该年度节假日安排未导入";

    private final CalendarDays days;
    private final StatutoryHolidays library;

    WorkingDayCalendar(CalendarDays days, StatutoryHolidays library) {
        this.days = days;
        this.library = library;
    }

    /** Whether the year's holidays are known: from the library, or imported by the supervision office. */
    public boolean isYearCovered(int year) {
        return library.covers(year) || days.importedYear(year).isPresent();
    }

    /** The years from {@code first} to {@code last} whose holidays are not known, in order. */
    public List<Integer> missingYears(int first, int last) {
        return IntStream.rangeClosed(first, last)
                .filter(year -> !isYearCovered(year))
                .boxed()
                .toList();
    }

    /**
     * The notice a task or the dashboard shows when a due date lies in a year whose holidays are not known, e.g.
     * "2027年：该年度节假日安排未导入，工作日暂按周一至周五计算"; null when the year is known.
     */
    public String noticeFor(LocalDate day) {
        return isYearCovered(day.getYear()) ? null : missingYearNotice(day.getYear());
    }

    public static String missingYearNotice(int year) {
        return year + "年：" + MISSING_YEAR + "，工作日暂按周一至周五计算";
    }

    /** Where the year's holidays come from. */
    public YearStatus status(int year) {
        var imported = days.importedYear(year);
        if (imported.isPresent()) {
            return new YearStatus(
                    year,
                    true,
                    "OFFICE",
                    "督查办导入",
                    imported.get().importedBy(),
                    imported.get().importedAt());
        }
        if (library.covers(year)) {
            return new YearStatus(year, true, "LIBRARY", "国务院办公厅节假日安排通知（" + library.source() + "）", null, null);
        }
        return new YearStatus(year, false, "NONE", missingYearNotice(year), null, null);
    }

    public boolean isWorkingDay(LocalDate day) {
        return days.between(day, day).isWorkingDay(day);
    }

    /** The n-th working day after {@code from}; for n = 0, {@code from} itself if it is a working day, else the next. */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        return walk(from, n, 1);
    }

    /** The n-th working day before {@code from}; for n = 0, {@code from} itself if it is a working day, else the previous. */
    public LocalDate minusWorkingDays(LocalDate from, int n) {
        return walk(from, n, -1);
    }

    /** The working days after {@code fromExclusive} up to and including {@code toInclusive}; 0 if to is not after from. */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (!toInclusive.isAfter(fromExclusive)) {
            return 0;
        }
        LocalDate first = fromExclusive.plusDays(1);
        CalendarExceptions exceptions = days.between(first, toInclusive);
        int count = 0;
        for (LocalDate day = first; !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (exceptions.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether at most {@code n} working days lie after {@code fromExclusive} up to and including {@code toInclusive}
     * (the same as {@code workingDaysBetween(from, to) <= n}), reading only the days of the first n + 1 working
     * days, however far away {@code to} is.
     */
    public boolean isWithinWorkingDays(LocalDate fromExclusive, LocalDate toInclusive, int n) {
        return toInclusive.isBefore(plusWorkingDays(fromExclusive, n + 1));
    }

    private LocalDate walk(LocalDate from, int n, int step) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        CalendarExceptions exceptions = read(from, n, step);
        LocalDate day = from;
        int counted = 0;
        if (n == 0) {
            while (!exceptions.isWorkingDay(day)) {
                day = day.plusDays(step);
                exceptions = exceptions.covers(day) ? exceptions : read(day, 0, step);
            }
            return day;
        }
        while (counted < n) {
            day = day.plusDays(step);
            exceptions = exceptions.covers(day) ? exceptions : read(day, n - counted, step);
            if (exceptions.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The exceptions from {@code start} on, in the walk's direction, for about {@code workingDays} working days. */
    private CalendarExceptions read(LocalDate start, int workingDays, int step) {
        long span = 2L * workingDays + MARGIN_DAYS;
        LocalDate end = start.plusDays(step * span);
        return step > 0 ? days.between(start, end) : days.between(end, start);
    }

    /** Where a year's holidays come from: {@code LIBRARY}, {@code OFFICE} or {@code NONE}. */
    public record YearStatus(
            int year,
            boolean covered,
            String source,
            String sourceText,
            String importedBy,
            OffsetDateTime importedAt) {}
}
