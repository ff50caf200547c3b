/**
 * (单位与权限) Units and their Camunda groups, users, authorizations, Tasklist filters, demo users. Owns duban.unit,
 * duban.unit_alias and duban.unit_collective; publishes the view duban.unit_directory. API: {@link
 * cn.duban.identity.UnitCatalog}, {@link cn.duban.identity.Unit}, {@link cn.duban.identity.AsSystem}, …
 */
@ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"cluster", "taskform"})
package cn.duban.identity;

import org.springframework.modulith.ApplicationModule;
