package cn.duban.instruction;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/plan-tasks/{code}/instructions}: a leader's instruction on a task (leaders only); {@code GET} the
 * task's instructions with their acknowledgements (the office and leaders).
 */
@RestController
class InstructionController {

    private final LeaderInstructions instructions;

    InstructionController(LeaderInstructions instructions) {
        this.instructions = instructions;
    }

    @PostMapping("/api/plan-tasks/{code}/instructions")
    ResponseEntity<LeaderInstruction> instruct(
            @PathVariable String code, @RequestBody Instruction instruction, Principal user) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(instructions.instruct(code, instruction.text(), user.getName(), Instant.now()));
    }

    @GetMapping("/api/plan-tasks/{code}/instructions")
    List<LeaderInstruction> of(@PathVariable String code) {
        return instructions.of(code);
    }

    /** What the leader writes. */
    record Instruction(String text) {}
}
