package cn.duban.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The dashboard's overview: how many tasks stand in each supervision state, in all and per plan, and how the overdue
 * ones spread over the escalation ladder. Maps are keyed by the enum names (ON_TRACK, …, REMINDER, …).
 * {@code calendarNotices} name every year whose holidays are not known although open tasks fall due in it, or it is
 * this year or (from 1 December) the coming one: "2027年：该年度节假日安排未导入，…".
 */
record Overview(
        long total,
        Map<String, Long> byState,
        Map<String, Long> overdueByLevel,
        List<PlanCounts> plans,
        List<String> calendarNotices) {

    /** One plan's tasks by state. */
    record PlanCounts(String planCode, String planTitle, long total, Map<String, Long> byState) {}
}
