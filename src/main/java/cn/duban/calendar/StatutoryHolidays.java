package cn.duban.calendar;

import com.tyme.holiday.LegalHoliday;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * China's statutory holidays and adjusted working days (调休) as the State Council published them, from the tyme4j
 * library ({@code cn.6tail:tyme4j}), which ships every year's notice and is updated on Maven Central. Read once from
 * the library into an immutable table: the same jar gives every node the same days.
 */
@Component
public class StatutoryHolidays {

    /** The library's data begins with the adjusted working days of New Year 2002, which lie in December 2001. */
    private static final LocalDate SEARCH_FROM = LocalDate.of(2001, 1, 1);

    private volatile Table table;

    /** The library's entry for the day, if the day is a holiday or an adjusted working day. */
    public Optional<CalendarDay> day(LocalDate day) {
        return Optional.ofNullable(table().days().get(day));
    }

    /** Whether the library carries the State Council's schedule for the year. */
    public boolean covers(int year) {
        return table().years().contains(year);
    }

    /** The years the library carries, in order. */
    public Set<Integer> years() {
        return table().years();
    }

    /** The library and its version, as the calendar names its source: "tyme4j 1.4.9". */
    public String source() {
        String version = LegalHoliday.class.getPackage().getImplementationVersion();
        return version == null ? "tyme4j" : "tyme4j " + version;
    }

    private Table table() {
        Table read = table;
        if (read == null) {
            synchronized (this) {
                if (table == null) {
                    table = read();
                }
                read = table;
            }
        }
        return read;
    }

    private Table read() {
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        Set<Integer> years = new TreeSet<>();
        LegalHoliday holiday = first();
        while (holiday != null) {
            LocalDate day = LocalDate.of(
                    holiday.getDay().getYear(),
                    holiday.getDay().getMonth(),
                    holiday.getDay().getDay());
            String name = holiday.getName();
            days.put(
                    day,
                    new CalendarDay(
                            day,
                            holiday.isWork(),
                            holiday.isWork() ? "调休上班" : name,
                            holiday.isWork() ? name + "调休" : null,
                            CalendarDay.Source.LIBRARY));
            // A year is covered by its own holidays (the adjusted working days of next New Year may lie in it).
            years.add(holiday.getTarget().getYear());
            holiday = holiday.next(1);
        }
        return new Table(Map.copyOf(days), Collections.unmodifiableSet(years));
    }

    private static LegalHoliday first() {
        for (LocalDate day = SEARCH_FROM; day.getYear() <= SEARCH_FROM.getYear() + 2; day = day.plusDays(1)) {
            LegalHoliday found = LegalHoliday.fromYmd(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private record Table(Map<LocalDate, CalendarDay> days, Set<Integer> years) {}
}
