package cn.duban.plantask;

import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.taskform.ChineseDates;
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
 *
 * <p>A step created for a unit (a contribution, a county's local part, a progress report) always leaves that unit
 * at least {@code duban.supervision.minimum-working-days-for-a-step} working days from today: when the task's own
 * deadline is nearer, the step is due that many working days from today instead, and says so
 * ({@link #shortenedNotice}).
 */
@Component("dueDates")
public class DueDates {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;
    private final int contributionWorkingDaysBeforeDeadline;
    private final int progressReportWorkingDays;
    private final int minimumWorkingDays;

    DueDates(
            WorkingDayCalendar calendar,
            @Value("${duban.time-zone}") ZoneId zone,
            @Value("${duban.supervision.contribution-working-days-before-deadline}") int contributionWorkingDays,
            @Value("${duban.supervision.progress-report-working-days}") int progressReportWorkingDays,
            @Value("${duban.supervision.minimum-working-days-for-a-step:3}") int minimumWorkingDays) {
        this.calendar = calendar;
        this.zone = zone;
        this.contributionWorkingDaysBeforeDeadline = contributionWorkingDays;
        this.progressReportWorkingDays = progressReportWorkingDays;
        this.minimumWorkingDays = minimumWorkingDays;
    }

    /** When a progress report asked for now is due: the configured number of working days from today. */
    public Date progressReportDue() {
        return endOf(atLeastMinimum(calendar.plusWorkingDays(today(), progressReportWorkingDays)));
    }

    /** When support units' contributions are due: the configured number of working days before the deadline. */
    public Date contributionDue(Date deadline) {
        return endOf(atLeastMinimum(regularContributionDue(deadline)));
    }

    /** When a county's, city's or park's local part is due: the task's deadline. */
    public Date localPartDue(Date deadline) {
        return endOf(atLeastMinimum(day(deadline)));
    }

    /**
     * What a step of the kind {@code activityId} says when its due date had to be moved past its regular one to
     * leave the unit the minimum, e.g. "任务完成时限（2026年12月31日）临近，为保证至少3个工作日办理时间，本环节办理期限为2027年1月6日"; null when
     * the step is due as usual.
     */
    public String shortenedNotice(String activityId, Date deadline, Date due) {
        if (deadline == null || due == null) {
            return null;
        }
        LocalDate regular = switch (activityId) {
            case PlanTaskProcess.CONTRIBUTE -> regularContributionDue(deadline);
            case PlanTaskProcess.REPORT_LOCAL_PROGRESS -> day(deadline);
            default -> null;
        };
        if (regular == null || !day(due).isAfter(regular)) {
            return null;
        }
        return "任务完成时限（" + ChineseDates.of(day(deadline)) + "）临近，原定本环节应于"
                + ChineseDates.of(regular) + "前完成；为保证至少" + minimumWorkingDays
                + "个工作日办理时间，本环节办理期限为" + ChineseDates.of(day(due));
    }

    public Date endOf(LocalDate day) {
        return Date.from(day.atTime(END_OF_DAY).atZone(zone).toInstant());
    }

    private LocalDate regularContributionDue(Date deadline) {
        return calendar.minusWorkingDays(day(deadline), contributionWorkingDaysBeforeDeadline);
    }

    /** The later of {@code due} and the minimum number of working days from today. */
    private LocalDate atLeastMinimum(LocalDate due) {
        LocalDate earliest = calendar.plusWorkingDays(today(), minimumWorkingDays);
        return due.isBefore(earliest) ? earliest : due;
    }

    private LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
    }

    private LocalDate day(Date date) {
        return date.toInstant().atZone(zone).toLocalDate();
    }
}
