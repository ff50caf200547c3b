package cn.duban.plan.intake;

/** Process variables of plan-intake ({@code processes/plan-intake.bpmn}), in one place. */
final class PlanIntakeVariables {

    static final String PROCESS_KEY = "plan-intake";

    static final String SOURCE_TEXT = "sourceText";
    static final String SOURCE_NAME = "sourceName";

    // The draft, as the reviewer edits it.
    static final String PLAN_CODE = "planCode";
    static final String PLAN_TITLE = "planTitle";
    static final String PLAN_ISSUER = "planIssuer";
    static final String PLAN_KIND = "planKind";
    static final String PERIOD_START = "periodStart";
    static final String PERIOD_END = "periodEnd";
    static final String PLAN_DEADLINE = "planDeadline";
    /** Json array: one object per task, its unit lists written as "甲、乙". */
    static final String DRAFT_TASKS = "draftTasks";
    /** Json array: the plan's indicator table. */
    static final String DRAFT_INDICATORS = "draftIndicators";
    /** Json array: what the parser read that the form does not edit (targets, start dates, roles) by task sequence. */
    static final String PARSED_DETAILS = "parsedDetails";

    // For the people who review and approve.
    /** The id of the draft (its plan-intake instance), for the review page link. */
    static final String DRAFT_ID = "draftId";

    static final String TASK_COUNT = "taskCount";
    static final String UNKNOWN_UNITS = "unknownUnits";
    static final String PARSER_WARNINGS = "parserWarnings";
    static final String DRAFT_SUMMARY = "draftSummary";

    // 审批发布.
    static final String PUBLICATION_DECISION = "publicationDecision";
    static final String PUBLICATION_OPINION = "publicationOpinion";
    static final String RETURN_REASON = "returnReason";
    static final String REVIEWED_BY = "reviewedBy";
    static final String PUBLISHED_TASK_COUNT = "publishedTaskCount";

    private PlanIntakeVariables() {}
}
