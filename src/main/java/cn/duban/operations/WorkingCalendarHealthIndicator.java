package cn.duban.operations;

import cn.duban.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code workingCalendar}: whether the holidays of this year and, from 1 December (Beijing time), of the coming year
 * are known (from the library or imported by the supervision office). {@code DEGRADED} when not: due dates still
 * count Monday to Friday, so the node keeps serving; the status is not in the health order, so the overall status
 * stays UP and no load balancer takes the node out.
 */
@Component
class WorkingCalendarHealthIndicator extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", WorkingDayCalendar.MISSING_YEAR);
    private static final MonthDay WATCH_NEXT_YEAR_FROM = MonthDay.of(12, 1);

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;
    private final DatabaseProbe database;

    WorkingCalendarHealthIndicator(
            WorkingDayCalendar calendar, @Value("${duban.time-zone}") ZoneId zone, DatabaseProbe database) {
        super("working calendar check failed");
        this.calendar = calendar;
        this.zone = zone;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!database.reachable()) {
            // The calendar's corrections live in the database: not knowable now, and not worth waiting for the pool.
            builder.unknown().withDetail("error", "the database does not answer");
            return;
        }
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
        int last = MonthDay.from(today).isBefore(WATCH_NEXT_YEAR_FROM) ? today.getYear() : today.getYear() + 1;
        List<Integer> missing = calendar.missingYears(today.getYear(), last);
        List<String> notices = new ArrayList<>();
        missing.forEach(year ->
                notices.add(WorkingDayCalendar.missingYearNotice(year) + "，请督查办导入（PUT /api/calendar/" + year + "）"));
        (missing.isEmpty()
                        ? builder.up()
                        : builder.status(DEGRADED)
                                .withDetail("missingYears", missing)
                                .withDetail("notices", notices))
                .withDetail("today", today.toString())
                .withDetail("checkedYears", today.getYear() == last ? List.of(last) : List.of(today.getYear(), last));
    }
}
