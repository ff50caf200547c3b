/**
 * (指标) Plan indicators: who reports them, indicator-report's listeners, the off-track rule, {@code /api/indicators}.
 * Owns duban.indicator_assignment and duban.indicator_value; reads plan's published duban.plan_indicator_directory and
 * duban.plan_directory. No API for other modules.
 */
@ApplicationModule(
        displayName = "Indicator",
        allowedDependencies = {"cluster", "dispatch", "identity", "plantask", "taskform"})
package cn.duban.indicator;

import org.springframework.modulith.ApplicationModule;
