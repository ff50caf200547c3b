package cn.duban.dashboard;

import cn.duban.accountability.AccountabilityCases;
import cn.duban.plantask.CoLeadParts;
import cn.duban.plantask.Contributions;
import cn.duban.plantask.LocalReports;
import cn.duban.plantask.MilestoneReports;
import cn.duban.plantask.PlanTaskVariables;
import cn.duban.plantask.ProgressReports;
import cn.duban.supervision.SupervisionEvent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A task's page: what the task is, where it stands, and its whole history. The timeline merges the engine's history
 * (who did each step of the workflow, and when) with Duban's supervision record, the support units' contributions
 * and the implementing units' reports. {@code calendarNotice} says when the deadline lies in a year whose holidays
 * are not known ("2027年：该年度节假日安排未导入，工作日暂按周一至周五计算"), else null. A task's quantified targets
 * come from the plan, with what the lead unit reported on them ({@code targetResults}, null until it has); a task with
 * several leads shows each co-lead's part, a task with milestones each milestone's report.
 */
record TaskDossier(
        String taskCode,
        String taskTitle,
        String planCode,
        String planTitle,
        String text,
        List<UnitRef> leadUnits,
        List<UnitRef> supportUnits,
        List<UnitRef> implementingUnits,
        LocalDate deadline,
        String state,
        String stateName,
        String level,
        String levelName,
        int workingDaysOverdue,
        int timesUrged,
        int rectifications,
        LocalDate closedOn,
        List<TimelineEntry> timeline,
        List<Contributions.Contribution> contributions,
        List<LocalReports.LocalReport> localReports,
        List<ProgressReports.ProgressReport> progressReports,
        List<SupervisionEvent> urges,
        List<SupervisionEvent> escalations,
        List<AccountabilityCases.AccountabilityCase> accountabilityCases,
        String calendarNotice,
        List<TaskTarget> targets,
        String targetResults,
        List<CoLeadParts.CoLeadPart> coLeadParts,
        List<MilestoneReports.MilestoneReport> milestoneReports) {

    /** A quantified target of the task as the plan writes it (秸秆综合利用率达到90%以上), with its number. */
    record TaskTarget(String phrase, java.math.BigDecimal value, String unit, String qualifier) {}

    static final Comparator<TimelineEntry> OLDEST_FIRST = Comparator.comparing(TimelineEntry::at);

    static OffsetDateTime at(Date date, ZoneId zone) {
        return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
    }

    static String text(Map<String, Object> variables) {
        Object text = variables.get(PlanTaskVariables.TASK_TEXT);
        return text == null ? "" : text.toString();
    }
}
