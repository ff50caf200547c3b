package cn.duban.plantask;

import cn.duban.identity.GroupAuthorities;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code POST /api/plan-tasks/{code}/extension-requests}: the lead unit asks for a later deadline (延期申请). */
@RestController
class ExtensionRequestController {

    private final ExtensionRequests requests;

    ExtensionRequestController(ExtensionRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/api/plan-tasks/{code}/extension-requests")
    ResponseEntity<Void> request(
            @PathVariable String code, @RequestBody ExtensionRequest request, Authentication user) {
        LocalDate newDeadline;
        try {
            newDeadline = LocalDate.parse(
                    request.newDeadline() == null ? "" : request.newDeadline().strip());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "新期限应写成如“2026-12-31”的日期");
        }
        requests.request(code, newDeadline, request.reason(), user.getName(), GroupAuthorities.groupIds(user));
        return ResponseEntity.accepted().build();
    }

    /** What the lead unit asks for. */
    record ExtensionRequest(String newDeadline, String reason) {}
}
