/**
 * (任务下达) Starting one plan-task process instance per plan task, in order, with its report cycle. No tables. API: {@link
 * cn.duban.dispatch.PlanTaskDispatcher}, {@link cn.duban.dispatch.TaskDispatchOrder}, {@link
 * cn.duban.dispatch.ReportCycle}.
 */
@ApplicationModule(
        displayName = "Dispatch",
        allowedDependencies = {"identity", "plantask", "supervision", "taskform"})
package cn.duban.dispatch;

import org.springframework.modulith.ApplicationModule;
