package cn.duban.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The working-day calendar's exceptions: the library's schedule, and on top of it the years the supervision office
 * imported itself ({@code duban.calendar_year}, their days in {@code duban.calendar_day}).
 */
@Repository
class CalendarDays {

    /** Serialises corrections of one year across nodes; the year is the lock's second key. */
    private static final int CORRECTION_LOCK = 0x63616c; // "cal"

    private final JdbcClient jdbc;
    private final StatutoryHolidays library;

    CalendarDays(JdbcClient jdbc, StatutoryHolidays library) {
        this.jdbc = jdbc;
        this.library = library;
    }

    /**
     * The exceptions of the days first to last: the office's years they touch, each read in one query once per
     * transaction (a plan published in one transaction, or a signed task fanning out, asks for the same years again
     * and again; outside a transaction every call reads).
     */
    CalendarExceptions between(LocalDate first, LocalDate last) {
        Set<Integer> officeYears = new HashSet<>();
        Map<LocalDate, Boolean> officeDays = new HashMap<>();
        Map<Integer, OfficeYear> read = yearsReadInTransaction();
        List<Integer> unread = new ArrayList<>();
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!read.containsKey(year)) {
                unread.add(year);
            }
        }
        if (!unread.isEmpty()) {
            Map<Integer, OfficeYear> loaded = new HashMap<>();
            unread.forEach(year -> loaded.put(year, new OfficeYear(false, new HashMap<>())));
            jdbc.sql("""
                            select y.year, d.day, d.working from duban.calendar_year y
                            left join duban.calendar_day d on extract(year from d.day) = y.year
                            where y.year = any(?)""").param(unread.toArray(Integer[]::new)).query(rows -> {
                int year = rows.getInt("year");
                OfficeYear officeYear = loaded.get(year);
                if (!officeYear.imported()) {
                    officeYear = new OfficeYear(true, officeYear.days());
                    loaded.put(year, officeYear);
                }
                LocalDate day = rows.getObject("day", LocalDate.class);
                if (day != null) {
                    officeYear.days().put(day, rows.getBoolean("working"));
                }
            });
            read.putAll(loaded);
        }
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            OfficeYear officeYear = read.get(year);
            if (officeYear.imported()) {
                officeYears.add(year);
                officeYear.days().forEach((day, working) -> {
                    if (!day.isBefore(first) && !day.isAfter(last)) {
                        officeDays.put(day, working);
                    }
                });
            }
        }
        return new CalendarExceptions(first, last, officeYears, officeDays, library);
    }

    /** The office's years read in this transaction (a fresh map outside one); a correction forgets them. */
    @SuppressWarnings("unchecked")
    private Map<Integer, OfficeYear> yearsReadInTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Map<Integer, OfficeYear> years = (Map<Integer, OfficeYear>) TransactionSynchronizationManager.getResource(this);
        if (years == null) {
            Map<Integer, OfficeYear> bound = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CalendarDays.this);
                }
            });
            years = bound;
        }
        return years;
    }

    /** Whether the office imported a year, and the exceptions it imported. */
    private record OfficeYear(boolean imported, Map<LocalDate, Boolean> days) {}

    /** The year's exceptions in force, from the office's import of the year or else from the library. */
    List<CalendarDay> ofYear(int year) {
        if (importedYear(year).isPresent()) {
            return jdbc.sql(
                            "select day, working, name, note from duban.calendar_day where day between ? and ? order by day")
                    .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                    .query((rows, n) -> new CalendarDay(
                            rows.getObject("day", LocalDate.class),
                            rows.getBoolean("working"),
                            rows.getString("name"),
                            rows.getString("note"),
                            CalendarDay.Source.OFFICE))
                    .list();
        }
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            library.day(day).ifPresent(days::add);
        }
        return days;
    }

    /** Who imported the year, if the office did. */
    Optional<ImportedYear> importedYear(int year) {
        return jdbc.sql("select year, imported_by, imported_at from duban.calendar_year where year = ?")
                .param(year)
                .query((rows, n) -> new ImportedYear(
                        rows.getInt(1), rows.getString(2), rows.getObject(3, java.time.OffsetDateTime.class)))
                .optional();
    }

    /** To be called in a transaction: the year becomes the office's, its rows replaced as a whole. */
    void replaceYear(int year, List<CalendarDay> days, String importedBy) {
        yearsReadInTransaction().remove(year);
        lock(year);
        deleteDays(year);
        jdbc.sql("""
                        insert into duban.calendar_year (year, imported_by) values (?, ?)
                        on conflict (year) do update set imported_by = excluded.imported_by, imported_at = now()""").params(year, importedBy).update();
        for (CalendarDay day : days) {
            jdbc.sql("insert into duban.calendar_day (day, working, name, note) values (?, ?, ?, ?)")
                    .params(day.day(), day.working(), day.name(), day.note())
                    .update();
        }
    }

    /** To be called in a transaction: the office's import of the year is withdrawn; the library applies again. */
    void withdrawYear(int year) {
        yearsReadInTransaction().remove(year);
        lock(year);
        deleteDays(year);
        jdbc.sql("delete from duban.calendar_year where year = ?").param(year).update();
    }

    private void lock(int year) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)")
                .params(CORRECTION_LOCK, year)
                .query()
                .singleRow();
    }

    private void deleteDays(int year) {
        jdbc.sql("delete from duban.calendar_day where day between ? and ?")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .update();
    }

    record ImportedYear(int year, String importedBy, java.time.OffsetDateTime importedAt) {}
}
