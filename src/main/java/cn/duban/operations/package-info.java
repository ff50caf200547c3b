/**
 * Health indicators and Prometheus metrics, read through the other modules' APIs and published views. Reads Flyway's
 * duban.flyway_schema_history. No API.
 */
@ApplicationModule(
        displayName = "Operations",
        allowedDependencies = {"calendar", "dashboard", "identity", "notification", "supervision"})
package cn.duban.operations;

import org.springframework.modulith.ApplicationModule;
