package cn.duban.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The dashboard's overview: how many tasks stand in each supervision state, in all and per plan, and how the overdue
 * ones spread over the escalation ladder. Maps are keyed by the enum names (ON_TRACK, …, REMINDER, …).
 */
record Overview(long total, Map<String, Long> byState, Map<String, Long> overdueByLevel, List<PlanCounts> plans) {

    /** One plan's tasks by state. */
    record PlanCounts(String planCode, String planTitle, long total, Map<String, Long> byState) {
    }
}
