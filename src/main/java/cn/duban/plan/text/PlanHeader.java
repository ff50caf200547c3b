package cn.duban.plan.text;

import java.time.LocalDate;

/** What a plan's text says about the plan itself. */
record PlanHeader(String title, String issuer, PlanKind kind, Integer periodStart, Integer periodEnd) {

    LocalDate defaultDeadline() {
        return periodEnd == null ? null : LocalDate.of(periodEnd, 12, 31);
    }
}
