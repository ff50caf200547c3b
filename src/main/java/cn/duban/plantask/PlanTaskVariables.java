package cn.duban.plantask;

/** Process variables of a plan-task instance, in one place. */
public final class PlanTaskVariables {

    // Set at dispatch: what the task is.
    public static final String PLAN_CODE = "planCode";
    public static final String PLAN_TITLE = "planTitle";
    public static final String TASK_CODE = "taskCode";
    public static final String TASK_TITLE = "taskTitle";
    public static final String TASK_TEXT = "taskText";
    public static final String SECTION = "section";
    /** Comma-separated unit ids: the candidate groups of the lead unit's tasks. */
    public static final String LEAD_UNITS = "leadUnits";

    public static final String LEAD_UNIT_NAMES = "leadUnitNames";
    public static final String SUPPORT_UNITS = "supportUnits";
    public static final String SUPPORT_UNIT_NAMES = "supportUnitNames";
    /** Comma-separated ids of the counties, cities and parks that carry the task out, each in its own part. */
    public static final String IMPLEMENTING_UNITS = "implementingUnits";

    public static final String IMPLEMENTING_UNIT_NAMES = "implementingUnitNames";
    /** In one implementing unit's part: that unit's id. */
    public static final String IMPLEMENTING_UNIT = "implementingUnit";
    /** What one implementing unit reports on its part. */
    public static final String LOCAL_PROGRESS = "localProgress";

    public static final String LOCAL_EVIDENCE = "localEvidence";
    /** In one support unit's contribution: that unit's id, its choice, and what it wrote. */
    public static final String SUPPORT_UNIT = "supportUnit";

    public static final String CONTRIBUTION_DECISION = "contributionDecision";
    public static final String CONTRIBUTION = "contribution";
    public static final String DECLINE_REASON = "declineReason";
    public static final String CONTRIBUTION_EVIDENCE = "contributionEvidence";
    /** Every support unit's contribution or refusal, as text for the lead unit's report form. */
    public static final String CONTRIBUTIONS_TEXT = "contributionsText";
    /** Every implementing unit's report, as text for the lead unit's report form. */
    public static final String LOCAL_REPORTS_TEXT = "localReportsText";
    /** In one co-lead's part: that unit's id, its signer's details, and what it reports on its part. */
    public static final String CO_LEAD_UNIT = "coLeadUnit";

    public static final String CO_LEAD_RESPONSIBLE_PERSON = "coLeadResponsiblePerson";
    public static final String CO_LEAD_CONTACT_PHONE = "coLeadContactPhone";
    public static final String CO_LEAD_PART = "coLeadPart";
    public static final String CO_LEAD_EVIDENCE = "coLeadEvidence";
    /** Every co-lead's part, as text for the consolidating lead's report form. */
    public static final String CO_LEAD_PARTS_TEXT = "coLeadPartsText";
    /**
     * Set at dispatch: the task's milestones, one a line, {@code 2023-12-31|到2023年底，完成…} (none: no variable or
     * empty); in one milestone's part, {@code milestone} is that milestone as the form shows it.
     */
    public static final String MILESTONES = "milestones";

    public static final String MILESTONE = "milestone";
    public static final String MILESTONE_RESULT = "milestoneResult";
    public static final String MILESTONE_EVIDENCE = "milestoneEvidence";
    /** Set at dispatch: "2023-01-01" when the task starts later than dispatch (2023年起); no reminder before it. */
    public static final String START_DATE = "startDate";
    /** Set at dispatch: the task's quantified targets, one a line, shown on the lead unit's report form. */
    public static final String TARGETS_TEXT = "targetsText";
    /** What the lead unit reports on each target (目标完成情况). */
    public static final String TARGET_RESULTS = "targetResults";
    /** java.util.Date: the end of the deadline day, the due date of the lead unit's tasks. */
    public static final String DEADLINE = "deadline";

    public static final String DEADLINE_TEXT = "deadlineText";

    // 签收 (claim).
    public static final String RESPONSIBLE_PERSON = "responsiblePerson";
    public static final String CONTACT_PHONE = "contactPhone";
    public static final String CLAIM_NOTE = "claimNote";
    /** 签收 ("sign") or 退回 ("return"): a lead unit can return a task it believes is not its own. */
    public static final String CLAIM_DECISION = "claimDecision";

    public static final String RETURN_TO_OFFICE_REASON = "returnToOfficeReason";
    /** The supervision office's choice of lead unit(s) for a returned task, as names ("州水利局、州林业和草原局"). */
    public static final String NEW_LEAD_UNITS = "newLeadUnits";
    /** The user who signed for the task; the report task is assigned to them. */
    public static final String LEAD_OPERATOR = "leadOperator";

    // Result report.
    public static final String RESULT_DESCRIPTION = "resultDescription";
    public static final String EVIDENCE = "evidence";

    // 督查核验 (inspection).
    public static final String INSPECTION_DECISION = "inspectionDecision";
    public static final String INSPECTION_OPINION = "inspectionOpinion";
    /** 限期整改: the new deadline inspection sets ("2026-12-31"); it becomes the task's deadline. */
    public static final String RECTIFICATION_DEADLINE = "rectificationDeadline";

    // 销号 (closure approval).
    public static final String CLOSURE_DECISION = "closureDecision";
    public static final String CLOSURE_OPINION = "closureOpinion";

    /** Why the result came back to the lead unit, and who sent it back (督查办 or 领导). */
    public static final String RETURN_REASON = "returnReason";

    public static final String RETURNED_BY = "returnedBy";
    public static final String RETURN_COUNT = "returnCount";

    // 延期申请: the new deadline the lead unit asks for ("2031-06-30"), why, who asked, and the decisions.
    public static final String REQUESTED_DEADLINE = "requestedDeadline";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String EXTENSION_REQUESTED_BY = "extensionRequestedBy";
    public static final String EXTENSION_REVIEW = "extensionReview";
    public static final String EXTENSION_REVIEW_OPINION = "extensionReviewOpinion";
    public static final String EXTENSION_APPROVAL = "extensionApproval";
    public static final String EXTENSION_APPROVAL_OPINION = "extensionApprovalOpinion";

    // 进展报送: when the units report progress (cron), and in one unit's report, which unit and what it wrote.
    public static final String PROGRESS_REPORT_CYCLE = "progressReportCycle";
    public static final String REPORTING_UNIT = "reportingUnit";
    public static final String PROGRESS = "progress";
    public static final String REPORT_DUE = "reportDue";

    // Supervision: how often the office urged the task, and whether its target is binding (约束性).
    public static final String TIMES_URGED = "timesUrged";
    /** The supervision office's latest urge, shown on the units' forms. */
    public static final String LAST_URGE = "lastUrge";
    /** Boolean, set at dispatch: the task is binding (约束性); the escalation ladder weighs it. */
    public static final String BINDING = "binding";
    /** Set at dispatch when the plan has its own reminder cadence, in working days (else the configured default). */
    public static final String DUE_SOON_WORKING_DAYS = "dueSoonWorkingDays";

    public static final String OVERDUE_REMINDER_WORKING_DAYS = "overdueReminderWorkingDays";

    /**
     * Why an accountability case is due (a transient variable, never stored): set by the steps that check the
     * deadline (纳入督办, 每日督办检查, 登记上报), read by the gateway 启动问责？ and the service task 启动问责 after it.
     */
    public static final String ACCOUNTABILITY_REASON = "accountabilityReason";

    private PlanTaskVariables() {}

    /** Reads a plan-task instance's variables by their type. */
    record Reader(org.camunda.bpm.engine.delegate.VariableScope scope) {

        String string(String name) {
            Object value = scope.getVariable(name);
            return value == null ? null : value.toString();
        }

        Integer number(String name) {
            return scope.getVariable(name) instanceof Number n ? n.intValue() : null;
        }
    }
}
