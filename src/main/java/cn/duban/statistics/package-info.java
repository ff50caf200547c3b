/**
 * (督办统计) Statistics by month, quarter and year, 红黄绿灯 from the decision tables, and their .xlsx. Owns no table: it
 * reads the published views.
 */
@ApplicationModule(
        displayName = "Statistics",
        allowedDependencies = {"identity", "supervision"})
package cn.duban.statistics;

import org.springframework.modulith.ApplicationModule;
