/**
 * (督办任务) The plan-task process: its names, variables, listeners and delegates, contributions and reports. Owns
 * duban.contribution, duban.local_report and duban.progress_report. API: {@link cn.duban.plantask.PlanTaskProcess},
 * {@link cn.duban.plantask.PlanTaskVariables}, …
 *
 * <p>Its dependencies are not fixed here while the model's rewrite of this module is under way.
 */
@ApplicationModule(displayName = "Plan task")
package cn.duban.plantask;

import org.springframework.modulith.ApplicationModule;
