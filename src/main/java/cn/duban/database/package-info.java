/**
 * The embedded PostgreSQL of a machine without a database server. No tables, no API.
 */
@ApplicationModule(
        displayName = "Database",
        allowedDependencies = {})
package cn.duban.database;

import org.springframework.modulith.ApplicationModule;
