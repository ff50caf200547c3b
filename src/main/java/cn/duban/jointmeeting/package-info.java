/**
 * (联席会议) Meetings the office records and their decisions, each dispatched as a supervised task. Owns
 * duban.joint_meeting and duban.joint_meeting_decision.
 */
@ApplicationModule(
        displayName = "Joint meetings",
        allowedDependencies = {"dispatch", "identity", "supervision", "taskform"})
package cn.duban.jointmeeting;

import org.springframework.modulith.ApplicationModule;
