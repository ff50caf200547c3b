/**
 * (工作方案) Plans: the YAML file and the plan's text (sub-packages text and intake, internal), checking, storing,
 * importing. Owns duban.plan, duban.plan_task, duban.plan_task_unit, duban.plan_task_target and duban.plan_indicator;
 * publishes the views duban.plan_directory, duban.plan_task_role and duban.plan_indicator_directory. API: {@link
 * cn.duban.plan.PlanImporter}, {@link cn.duban.plan.PlanRejectedException}.
 */
@ApplicationModule(
        displayName = "Plan",
        allowedDependencies = {"cluster", "dispatch", "identity", "taskform"})
package cn.duban.plan;

import org.springframework.modulith.ApplicationModule;
