/**
 * (督办任务) The plan-task process: its names, variables, listeners and delegates, contributions and reports. Owns
 * duban.contribution, duban.local_report and duban.progress_report. API: {@link cn.duban.plantask.PlanTaskProcess},
 * {@link cn.duban.plantask.PlanTaskVariables}, …
 */
@ApplicationModule(
        displayName = "Plan task",
        allowedDependencies = {"calendar", "identity", "notification", "supervision", "taskform"})
package cn.duban.plantask;

import org.springframework.modulith.ApplicationModule;
