package cn.duban.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * A plan as written in a plan file (YAML, see docs/plan-files.md), and as a reviewer edits a draft read from
 * a plan's text (the same fields as JSON). Values are kept as written; the {@link PlanValidator} turns them into a
 * {@link ValidatedPlan} or a list of problems.
 */
public record PlanFile(
        String code,
        String title,
        String issuer,
        String issuedOn,
        String kind,
        Integer periodStart,
        Integer periodEnd,
        String deadline,
        String reportCycle,
        String sourceName,
        List<Task> tasks,
        List<Indicator> indicators,
        Integer dueSoonWorkingDays,
        Integer overdueReminderWorkingDays) {

    /** A plan on the configured reminder cadence. */
    public PlanFile(
            String code,
            String title,
            String issuer,
            String issuedOn,
            String kind,
            Integer periodStart,
            Integer periodEnd,
            String deadline,
            String reportCycle,
            String sourceName,
            List<Task> tasks,
            List<Indicator> indicators) {
        this(
                code,
                title,
                issuer,
                issuedOn,
                kind,
                periodStart,
                periodEnd,
                deadline,
                reportCycle,
                sourceName,
                tasks,
                indicators,
                null,
                null);
    }

    /**
     * @param binding whether the task is binding (约束性); null: binding when it serves a binding indicator of the
     *                plan (its title or text names the indicator)
     */
    public record Task(
            String code,
            String section,
            String title,
            String text,
            List<String> leadUnits,
            List<String> responsibleUnits,
            List<String> supportUnits,
            Boolean supportShareResponsibility,
            List<String> implementingUnits,
            String startDate,
            String deadline,
            List<Target> targets,
            Boolean binding,
            List<Milestone> milestones) {

        public Task(
                String code,
                String section,
                String title,
                String text,
                List<String> leadUnits,
                List<String> responsibleUnits,
                List<String> supportUnits,
                Boolean supportShareResponsibility,
                List<String> implementingUnits,
                String startDate,
                String deadline,
                List<Target> targets,
                Boolean binding) {
            this(
                    code,
                    section,
                    title,
                    text,
                    leadUnits,
                    responsibleUnits,
                    supportUnits,
                    supportShareResponsibility,
                    implementingUnits,
                    startDate,
                    deadline,
                    targets,
                    binding,
                    null);
        }

        public Task(
                String code,
                String section,
                String title,
                String text,
                List<String> leadUnits,
                List<String> responsibleUnits,
                List<String> supportUnits,
                Boolean supportShareResponsibility,
                List<String> implementingUnits,
                String startDate,
                String deadline,
                List<Target> targets) {
            this(
                    code,
                    section,
                    title,
                    text,
                    leadUnits,
                    responsibleUnits,
                    supportUnits,
                    supportShareResponsibility,
                    implementingUnits,
                    startDate,
                    deadline,
                    targets,
                    null);
        }
    }

    public record Target(String phrase, BigDecimal value, String unit, String qualifier) {}

    /** A dated commitment of a task: {@code due} as 2023-12-31 or 2023年12月31日, and its words. */
    public record Milestone(String due, String text) {}

    public record Indicator(
            String category,
            String name,
            String unit,
            String baseline,
            String target,
            Boolean binding,
            String source) {}
}
