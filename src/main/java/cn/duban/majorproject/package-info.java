/**
 * (重大工程) Projects with owner unit, investment, milestones and progress, linked to tasks; table import and their
 * ledger. Owns duban.major_project, duban.major_project_milestone, duban.major_project_progress and
 * duban.major_project_task.
 */
@ApplicationModule(
        displayName = "Major projects",
        allowedDependencies = {"identity", "taskform"})
package cn.duban.majorproject;

import org.springframework.modulith.ApplicationModule;
