/**
 * (督查看板) The supervision office's dashboard: overview, overdue list, units' scores, ledger (.xlsx), a task's page and
 * the read-model audit. Reads supervision's published view duban.supervised_task; owns its projection of the counts,
 * duban.task_state_count and duban.task_state_delta (fed by a trigger on supervision's table, V13). API: {@link
 * cn.duban.dashboard.DashboardCounts} (the counts by plan, state and level).
 */
@ApplicationModule(
        displayName = "Dashboard",
        allowedDependencies = {
            "accountability",
            "calendar",
            "evidence",
            "identity",
            "instruction",
            "majorproject",
            "plantask",
            "supervision"
        })
package cn.duban.dashboard;

import org.springframework.modulith.ApplicationModule;
