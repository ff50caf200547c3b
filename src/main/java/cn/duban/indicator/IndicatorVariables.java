package cn.duban.indicator;

/** Process variables of an indicator-report instance, in one place. */
public final class IndicatorVariables {

    // Set when reporting starts: what the indicator is (shown on the form) and who reports it.
    /** Long: the row of duban.plan_indicator; the business key is the same id as text. */
    public static final String INDICATOR_ID = "indicatorId";

    public static final String PLAN_CODE = "planCode";
    public static final String PLAN_TITLE = "planTitle";
    /** Integer years, null when the plan names no period. */
    public static final String PERIOD_START = "periodStart";

    public static final String PERIOD_END = "periodEnd";
    public static final String PERIOD_TEXT = "periodText";
    public static final String INDICATOR_NAME = "indicatorName";
    public static final String CATEGORY = "category";
    public static final String UNIT_TEXT = "unitText";
    public static final String BASELINE_TEXT = "baselineText";
    public static final String TARGET = "target";
    /** 约束性 or 预期性. */
    public static final String BINDING_TEXT = "bindingText";

    public static final String SOURCE_TEXT = "sourceText";
    /** The lead unit's id: the candidate group of the report task. */
    public static final String LEAD_UNIT = "leadUnit";
    /** The lead unit's name, under the name Tasklist's ready filters show as 牵头单位. */
    public static final String LEAD_UNIT_NAMES = "leadUnitNames";
    /** The cron expression of the reporting rounds, and how the form says it (每季度, 每月). */
    public static final String REPORT_CYCLE = "reportCycle";

    public static final String REPORT_CYCLE_TEXT = "reportCycleText";

    // Kept after each report, for the next round's form.
    public static final String LAST_REPORT = "lastReport";

    // The form's fields, local to one round of the report task.
    public static final String VALUE = "indicatorValue";
    public static final String AS_OF = "asOfDate";
    public static final String NOTE = "valueNote";

    // Sent with the message that ends this unit's reporting.
    public static final String WITHDRAW_REASON = "withdrawReason";

    private IndicatorVariables() {}
}
