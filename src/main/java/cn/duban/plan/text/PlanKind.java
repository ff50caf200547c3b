package cn.duban.plan.text;

/** The kind of plan, which decides the default deadline of its tasks. */
public enum PlanKind {
    /** 年度工作方案: tasks are due at the end of the year. */
    ANNUAL,
    /** 五年规划 (十三五, 十四五, …): tasks are due at the end of the period. */
    FIVE_YEAR,
    OTHER
}
