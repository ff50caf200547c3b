package cn.duban.plan;

import java.util.List;

/**
 * A plan as written in a YAML plan file (see README, "Plan file format"). Values are kept as written; the
 * {@link PlanValidator} turns them into a {@link ValidatedPlan} or a list of problems.
 */
record PlanFile(String code, String title, String issuer, String issuedOn, String deadline, List<Task> tasks) {

    record Task(String code, String section, String title, String text, List<String> leadUnits,
                List<String> supportUnits, List<String> implementingUnits, String deadline) {
    }
}
