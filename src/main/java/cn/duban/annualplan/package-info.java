/**
 * (年度计划) Annual plans drafted from their parent plan's open tasks, published under it, and the plan tree with its
 * roll-ups. Owns no table: it reads plan's and supervision's published views and publishes through plan's API.
 */
@ApplicationModule(
        displayName = "Annual plans",
        allowedDependencies = {"identity", "indicator", "plan", "supervision", "taskform"})
package cn.duban.annualplan;

import org.springframework.modulith.ApplicationModule;
