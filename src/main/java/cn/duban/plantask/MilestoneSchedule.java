package cn.duban.plantask;

import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.taskform.ChineseDates;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * For the model: a task's milestones ({@code ${milestoneSchedule.of(execution)}}), each as the lead unit's form shows
 * it ("2023年12月31日前：到2023年底，完成…"), its due date and its reminder: the plan's 临期提醒 working days before
 * it, at 9:00 Beijing time, never before the task's start date (2023年起).
 */
@Component("milestoneSchedule")
public class MilestoneSchedule {

    private static final Pattern DUE = Pattern.compile("^(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private final WorkingDayCalendar calendar;
    private final DueDates dueDates;
    private final ZoneId zone;
    private final int dueSoonWorkingDays;

    MilestoneSchedule(
            WorkingDayCalendar calendar,
            DueDates dueDates,
            @Value("${duban.time-zone}") ZoneId zone,
            @Value("${duban.supervision.due-soon-working-days}") int dueSoonWorkingDays) {
        this.calendar = calendar;
        this.dueDates = dueDates;
        this.zone = zone;
        this.dueSoonWorkingDays = dueSoonWorkingDays;
    }

    /**
     * The lines of the variable {@code milestones} ("2023-12-31|到2023年底，…") as the form shows them, those before the
     * task's deadline: the last commitment is the task's own result (报送办理结果).
     */
    public List<String> of(VariableScope execution) {
        Object written = execution.getVariable(PlanTaskVariables.MILESTONES);
        Object deadline = execution.getVariable(PlanTaskVariables.DEADLINE);
        List<String> milestones = new ArrayList<>();
        if (written == null) {
            return milestones;
        }
        for (String line : written.toString().split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0
                    && (!(deadline instanceof Date last)
                            || due(LocalDate.parse(line.substring(0, bar).strip()))
                                    .before(last))) {
                milestones.add(
                        ChineseDates.of(LocalDate.parse(line.substring(0, bar).strip())) + "前："
                                + line.substring(bar + 1).strip());
            }
        }
        return milestones;
    }

    /** The milestone's due date: the end of its day. */
    public Date due(String milestone) {
        return due(day(milestone));
    }

    private Date due(LocalDate day) {
        return dueDates.endOf(day);
    }

    /** When the lead unit is reminded of the milestone: working days before it, not before the task starts. */
    public Date reminder(String milestone, VariableScope execution) {
        Object planDays = execution.getVariable(PlanTaskVariables.DUE_SOON_WORKING_DAYS);
        int days = planDays instanceof Number number ? number.intValue() : dueSoonWorkingDays;
        LocalDate remind = calendar.minusWorkingDays(day(milestone), days);
        Object start = execution.getVariable(PlanTaskVariables.START_DATE);
        if (start != null) {
            LocalDate starts = LocalDate.parse(start.toString());
            if (remind.isBefore(starts)) {
                remind = starts;
            }
        }
        return Date.from(remind.atTime(REMINDER_TIME).atZone(zone).toInstant());
    }

    static LocalDate day(String milestone) {
        Matcher due = DUE.matcher(milestone);
        if (!due.find()) {
            throw new IllegalArgumentException("milestone without a date: " + milestone);
        }
        return LocalDate.of(
                Integer.parseInt(due.group(1)), Integer.parseInt(due.group(2)), Integer.parseInt(due.group(3)));
    }
}
