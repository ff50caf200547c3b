package cn.duban.plan.text;

import java.time.LocalDate;
import java.util.List;

/**
 * What the parser read from a plan's text, for a person to review before anything is dispatched.
 *
 * @param title           the plan's title (e.g. 昌吉州2017年度土壤污染防治工作方案), or null when none was found
 * @param issuer          the issuing body when the text names it (e.g. 昌吉回族自治州人民政府), else null
 * @param kind            annual plan, five-year plan, or other
 * @param periodStart     first year of the plan's period (2017 for an annual plan of 2017, 2021 for 十四五), or null
 * @param periodEnd       last year of the period (2017, 2025), or null
 * @param defaultDeadline the deadline of a task that names none: end of the year (annual), end of the period
 *                        (five-year), or null
 * @param tasks           the tasks in document order
 * @param indicators      the plan's indicator table (指标), empty when it has none
 * @param warnings        what the parser noticed but could not settle, in Chinese, for the reviewer
 */
public record DraftPlan(
        String title,
        String issuer,
        PlanKind kind,
        Integer periodStart,
        Integer periodEnd,
        LocalDate defaultDeadline,
        List<DraftTask> tasks,
        List<DraftIndicator> indicators,
        List<String> warnings) {}
