package cn.duban.plantask;

/** Names of the plan-task process ({@code processes/plan-task.bpmn}) that Java code refers to. */
public final class PlanTaskProcess {

    public static final String KEY = "plan-task";

    public static final String CLAIM_TASK = "UserTask_ClaimTask";
    public static final String REASSIGN_TASK = "UserTask_ReassignTask";
    public static final String CONTRIBUTE = "UserTask_Contribute";
    public static final String REPORT_LOCAL_PROGRESS = "UserTask_ReportLocalProgress";
    public static final String REPORT_RESULT = "UserTask_ReportResult";
    public static final String CLAIM_CO_LEAD_PART = "UserTask_ClaimCoLeadPart";
    public static final String REPORT_CO_LEAD_PART = "UserTask_ReportCoLeadPart";
    public static final String REPORT_MILESTONE = "UserTask_ReportMilestone";
    public static final String REPORT_PROGRESS = "UserTask_ReportProgress";
    public static final String VERIFY_RESULT = "UserTask_VerifyResult";
    public static final String APPROVE_CLOSURE = "UserTask_ApproveClosure";
    public static final String TASK_CLOSED = "EndEvent_TaskClosed";
    public static final String REVIEW_EXTENSION = "UserTask_ReviewExtension";
    public static final String APPROVE_EXTENSION = "UserTask_ApproveExtension";
    public static final String MSG_EXTENSION_REQUESTED = "Msg_ExtensionRequested";

    private PlanTaskProcess() {}
}
