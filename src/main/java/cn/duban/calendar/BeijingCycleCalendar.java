package cn.duban.calendar;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.scheduling.support.CronExpression;

/**
 * The engine's {@code timeCycle} timers with a cron expression ("0 0 8 * * ?"), read on the wall clock of
 * {@code duban.time-zone} rather than the JVM's zone, which Camunda's own cycle calendar uses: on a server in UTC the
 * daily check would otherwise run at 16:00 Beijing time. Spring's {@link CronExpression} reads the same syntax as
 * Camunda's (Spring 5.3 cron). ISO 8601 repetitions ("R/…/P1D") carry their own offset and are left to Camunda.
 */
class BeijingCycleCalendar extends CycleBusinessCalendar {

    private final ZoneId zone;

    BeijingCycleCalendar(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Date resolveDuedate(String duedateDescription, Date startDate, long repeatOffset) {
        if (duedateDescription.startsWith("R")) {
            return super.resolveDuedate(duedateDescription, startDate, repeatOffset);
        }
        CronExpression cron;
        try {
            cron = CronExpression.parse(duedateDescription);
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException(
                    "Invalid cron expression '" + duedateDescription + "': " + e.getMessage(), e);
        }
        Date start = startDate == null ? ClockUtil.getCurrentTime() : startDate;
        ZonedDateTime next = cron.next(start.toInstant().atZone(zone));
        return next == null ? start : Date.from(next.toInstant());
    }
}
