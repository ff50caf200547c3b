package cn.duban.plantask;

import cn.duban.supervision.WorkingDayCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Due dates the model derives from a task's deadline in working days, for {@code camunda:dueDate} expressions such as
 * {@code ${dueDates.contributionDue(deadline)}}. Dates are the end of the day, Beijing time.
 */
@Component("dueDates")
public class DueDates {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;
    private final int contributionWorkingDaysBeforeDeadline;
    private final int progressReportWorkingDays;

    DueDates(WorkingDayCalendar calendar, @Value("${duban.time-zone}") ZoneId zone,
            @Value("${duban.supervision.contribution-working-days-before-deadline}") int contributionWorkingDays,
            @Value("${duban.supervision.progress-report-working-days}") int progressReportWorkingDays) {
        this.calendar = calendar;
        this.zone = zone;
        this.contributionWorkingDaysBeforeDeadline = contributionWorkingDays;
        this.progressReportWorkingDays = progressReportWorkingDays;
    }

    /** When a progress report asked for now is due: the configured number of working days from today. */
    public Date progressReportDue() {
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
        return endOf(calendar.plusWorkingDays(today, progressReportWorkingDays));
    }

    /** When support units' contributions are due: the configured number of working days before the deadline. */
    public Date contributionDue(Date deadline) {
        LocalDate deadlineDay = deadline.toInstant().atZone(zone).toLocalDate();
        return endOf(calendar.minusWorkingDays(deadlineDay, contributionWorkingDaysBeforeDeadline));
    }

    public Date endOf(LocalDate day) {
        return Date.from(day.atTime(END_OF_DAY).atZone(zone).toInstant());
    }
}
