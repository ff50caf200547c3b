/**
 * (年度考核) The performance office's assessment years: weights, scores of every unit and county/park from the record,
 * the annual-assessment process's delegates (year-end accountability for targets not met, publication to leaders),
 * the ranking (.xlsx). Owns duban.assessment_year, duban.assessment_score and duban.assessment_target_case.
 */
@ApplicationModule(
        displayName = "Annual assessment",
        allowedDependencies = {"accountability", "calendar", "identity", "indicator", "notification"})
package cn.duban.assessment;

import org.springframework.modulith.ApplicationModule;
