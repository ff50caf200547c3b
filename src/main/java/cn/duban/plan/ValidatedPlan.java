package cn.duban.plan;

import cn.duban.identity.Unit;
import java.time.LocalDate;
import java.util.List;

/** A plan file that passed every check: units resolved to the catalog, deadlines as dates. */
record ValidatedPlan(String code, String title, String issuer, LocalDate issuedOn, List<Task> tasks) {

    record Task(String code, String section, String title, String text, List<Unit> leadUnits, List<Unit> supportUnits,
                List<Unit> implementingUnits, LocalDate deadline) {
    }
}
