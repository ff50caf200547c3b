package cn.duban.plan;

import cn.duban.identity.Unit;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** A plan that passed every check: units resolved to the catalog, dates as dates. */
record ValidatedPlan(
        String code,
        String title,
        String issuer,
        LocalDate issuedOn,
        String kind,
        Integer periodStart,
        Integer periodEnd,
        String reportCycle,
        String sourceName,
        List<Task> tasks,
        List<PlanFile.Indicator> indicators,
        Integer dueSoonWorkingDays,
        Integer overdueReminderWorkingDays) {

    record Task(
            String code,
            String section,
            String title,
            String text,
            List<Unit> leadUnits,
            List<Unit> responsibleUnits,
            List<Unit> supportUnits,
            boolean supportShareResponsibility,
            List<Unit> implementingUnits,
            LocalDate startDate,
            LocalDate deadline,
            List<PlanFile.Target> targets,
            boolean binding,
            List<Milestone> milestones) {

        /** Who answers for the task: its lead units and its solely responsible units. */
        List<Unit> accountableUnits() {
            return Stream.concat(leadUnits.stream(), responsibleUnits.stream())
                    .distinct()
                    .toList();
        }
    }

    record Milestone(LocalDate due, String text) {}
}
