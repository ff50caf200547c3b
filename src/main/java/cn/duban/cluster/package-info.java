/**
 * Start-up work on one node at a time (PostgreSQL advisory locks). No tables. API: {@link
 * cn.duban.cluster.StartupLock}.
 */
@ApplicationModule(
        displayName = "Cluster",
        allowedDependencies = {})
package cn.duban.cluster;

import org.springframework.modulith.ApplicationModule;
