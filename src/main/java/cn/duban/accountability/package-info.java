/**
 * (问责) Accountability cases (问责): opening one when the ladder reaches accountability, its steps and decision. Owns
 * duban.accountability_case. API: {@link cn.duban.accountability.AccountabilityCases}.
 *
 * <p>Its dependencies are not fixed here while the model's rewrite of this module is under way.
 */
@ApplicationModule(displayName = "Accountability")
package cn.duban.accountability;

import org.springframework.modulith.ApplicationModule;
