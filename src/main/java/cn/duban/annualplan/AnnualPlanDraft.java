package cn.duban.annualplan;

import java.time.LocalDate;
import java.util.List;

/**
 * What the office starts from when it draws up a year's work plan from its parent plan: every task of the parent still
 * open in the year (not closed, started by the year's end, due on or after its start), with a proposed code and a
 * deadline within the year. The office picks tasks and adds each one's yearly target.
 */
public record AnnualPlanDraft(
        String parentCode, String parentTitle, int year, String code, String title, List<Candidate> candidates) {

    /** A task of the parent the annual plan may carry this year. */
    public record Candidate(
            String parentTaskCode,
            String code,
            String section,
            String title,
            String text,
            String state,
            String stateText,
            LocalDate parentDeadline,
            LocalDate deadline,
            List<String> leadUnits,
            List<String> supportUnits,
            List<String> implementingUnits) {}
}
