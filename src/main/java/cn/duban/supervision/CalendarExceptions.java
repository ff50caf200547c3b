package cn.duban.supervision;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/** The stored exceptions of the days {@code first} to {@code last}; every other day follows Monday to Friday. */
record CalendarExceptions(LocalDate first, LocalDate last, Map<LocalDate, Boolean> workingByDay) {

    boolean covers(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    boolean isWorkingDay(LocalDate day) {
        if (!covers(day)) {
            throw new IllegalArgumentException(day + " lies outside " + first + ".." + last);
        }
        Boolean exception = workingByDay.get(day);
        if (exception != null) {
            return exception;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }
}
