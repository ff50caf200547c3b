/**
 * (领导批示) A leader's instruction on a task and the lead unit's acknowledgement (leader-instruction.bpmn). Owns
 * duban.leader_instruction.
 */
@ApplicationModule(
        displayName = "Leader instructions",
        allowedDependencies = {"identity", "taskform"})
package cn.duban.instruction;

import org.springframework.modulith.ApplicationModule;
