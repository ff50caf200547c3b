package cn.duban.dashboard;

/**
 * A unit's score (绩效) over the tasks it leads.
 *
 * <p>{@code onTimeRate} (按时完成率) counts only tasks whose outcome is known: the closed ones, and the open ones that
 * already missed their deadline. Closed tasks that never missed the deadline in force (an approved extension or a
 * rectification deadline counts) are on time. Open tasks still within their deadline do not count yet. Null when no
 * task counts.
 */
record UnitScore(
        String unitId,
        String unitName,
        long tasksLed,
        long closed,
        long closedOnTime,
        long lateOpen,
        Double onTimeRate,
        long overdueNow,
        long urgesReceived,
        long rectifications) {}
