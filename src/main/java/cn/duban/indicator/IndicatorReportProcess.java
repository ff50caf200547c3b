package cn.duban.indicator;

/** Names of the indicator-report process ({@code processes/indicator-report.bpmn}) that Java code refers to. */
public final class IndicatorReportProcess {

    public static final String KEY = "indicator-report";

    public static final String REPORT_VALUE = "UserTask_ReportValue";
    public static final String NEXT_ROUND = "TimerEvent_NextRound";
    public static final String PERIOD_OVER = "EndEvent_PeriodOver";
    public static final String REPORTING_WITHDRAWN = "EndEvent_ReportingWithdrawn";
    public static final String MSG_REPORTING_WITHDRAWN = "Msg_IndicatorReportingWithdrawn";

    private IndicatorReportProcess() {}
}
