package cn.duban.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The exceptions of the days {@code first} to {@code last}: in a year the supervision office imported, its rows;
 * in any other year, the library's; every other day follows Monday to Friday.
 */
record CalendarExceptions(
        LocalDate first,
        LocalDate last,
        Set<Integer> officeYears,
        Map<LocalDate, Boolean> officeDays,
        StatutoryHolidays library) {

    boolean covers(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    boolean isWorkingDay(LocalDate day) {
        if (!covers(day)) {
            throw new IllegalArgumentException(day + " lies outside " + first + ".." + last);
        }
        Boolean exception = officeYears.contains(day.getYear())
                ? officeDays.get(day)
                : library.day(day).map(CalendarDay::working).orElse(null);
        return exception != null ? exception : isWeekday(day);
    }

    static boolean isWeekday(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }
}
