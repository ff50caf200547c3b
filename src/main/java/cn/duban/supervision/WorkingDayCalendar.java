package cn.duban.supervision;

import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * China's statutory working days: Monday to Friday, except the holidays and adjusted working days (调休) stored in
 * {@code duban.calendar_day}. Nothing is cached: every call reads the exceptions of the days it needs in one query
 * (a very long walk may need another), so a correction is seen at once on every node.
 */
@Service
public class WorkingDayCalendar {

    /** Days read beyond the estimate, enough for the longest holiday. */
    private static final int MARGIN_DAYS = 31;

    private final CalendarDays days;

    WorkingDayCalendar(CalendarDays days) {
        this.days = days;
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
}
