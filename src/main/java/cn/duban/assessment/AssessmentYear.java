package cn.duban.assessment;

import java.time.OffsetDateTime;
import java.util.List;

/** An assessment year as the office sees it: its state, the plans it covers (none: every plan) and its weights. */
public record AssessmentYear(
        int year,
        String state,
        String stateText,
        List<String> planCodes,
        AssessmentWeights weights,
        String openedBy,
        OffsetDateTime openedAt,
        OffsetDateTime scoredAt,
        String publishedBy,
        OffsetDateTime publishedAt,
        List<TargetCase> accountabilityOpened) {

    /** An accountability case the year-end step opened for a task of the year not closed. */
    public record TargetCase(String taskCode, String caseProcessInstanceId, String reason) {}

    static String stateText(String state) {
        return switch (state) {
            case "OPEN" -> "考核中";
            case "SCORED" -> "已评分待发布";
            case "PUBLISHED" -> "已发布";
            default -> state;
        };
    }
}
