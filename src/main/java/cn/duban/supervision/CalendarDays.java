package cn.duban.supervision;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code duban.calendar_day}: the exceptions to the Monday-to-Friday rule. */
@Repository
class CalendarDays {

    /** Serialises corrections of one year across nodes; the year is the lock's second key. */
    private static final int CORRECTION_LOCK = 0x63616c; // "cal"

    private final JdbcClient jdbc;

    CalendarDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CalendarExceptions between(LocalDate first, LocalDate last) {
        Map<LocalDate, Boolean> workingByDay = new HashMap<>();
        jdbc.sql("select day, working from duban.calendar_day where day between ? and ?")
                .params(first, last)
                .query(rows -> {
                    workingByDay.put(rows.getObject("day", LocalDate.class), rows.getBoolean("working"));
                });
        return new CalendarExceptions(first, last, workingByDay);
    }

    List<CalendarDay> ofYear(int year) {
        return jdbc.sql("select day, working, name, note from duban.calendar_day where day between ? and ? order by day")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rows, n) -> new CalendarDay(rows.getObject("day", LocalDate.class), rows.getBoolean("working"),
                        rows.getString("name"), rows.getString("note")))
                .list();
    }

    /** To be called in a transaction: the year's rows are replaced as a whole. */
    void replaceYear(int year, List<CalendarDay> days) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(CORRECTION_LOCK, year).query().singleRow();
        jdbc.sql("delete from duban.calendar_day where day between ? and ?")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .update();
        for (CalendarDay day : days) {
            jdbc.sql("insert into duban.calendar_day (day, working, name, note) values (?, ?, ?, ?)")
                    .params(day.day(), day.working(), day.name(), day.note())
                    .update();
        }
    }
}
