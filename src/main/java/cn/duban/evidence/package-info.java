/**
 * (佐证材料) Evidence files: what a unit attaches to its report, contribution, local report or rectification and the
 * office to its verification, kept with the task's process instance, in the database or an S3-compatible store. Only
 * the task's units, the office and leaders read them; only the unit working the open step adds or deletes its own.
 * Owns duban.evidence_file and duban.evidence_content. API: {@link cn.duban.evidence.EvidenceFiles}.
 */
@ApplicationModule(
        displayName = "Evidence files",
        allowedDependencies = {"identity", "plantask"})
package cn.duban.evidence;

import org.springframework.modulith.ApplicationModule;
