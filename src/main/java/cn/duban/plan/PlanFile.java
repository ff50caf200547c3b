package cn.duban.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * A plan as written in a plan file (YAML, see README "Plan file format"), and as a reviewer edits a draft read from
 * a plan's text (the same fields as JSON). Values are kept as written; the {@link PlanValidator} turns them into a
 * {@link ValidatedPlan} or a list of problems.
 */
public record PlanFile(String code, String title, String issuer, String issuedOn, String kind, Integer periodStart,
                Integer periodEnd, String deadline, String reportCycle, String sourceName, List<Task> tasks,
                List<Indicator> indicators) {

    public record Task(String code, String section, String title, String text, List<String> leadUnits,
                List<String> responsibleUnits, List<String> supportUnits, Boolean supportShareResponsibility,
                List<String> implementingUnits, String startDate, String deadline, List<Target> targets) {
    }

    public record Target(String phrase, BigDecimal value, String unit, String qualifier) {
    }

    public record Indicator(String category, String name, String unit, String baseline, String target, Boolean binding,
                     String source) {
    }
}
