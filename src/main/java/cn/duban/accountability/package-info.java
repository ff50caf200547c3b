/**
 * (问责) Accountability cases (问责): opening one when the ladder reaches accountability, its steps and decision. Owns
 * duban.accountability_case. API: {@link cn.duban.accountability.AccountabilityCases}.
 */
@ApplicationModule(
        displayName = "Accountability",
        allowedDependencies = {"identity", "supervision", "taskform"})
package cn.duban.accountability;

import org.springframework.modulith.ApplicationModule;
