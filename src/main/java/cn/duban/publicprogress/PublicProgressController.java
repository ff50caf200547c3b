package cn.duban.publicprogress;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office opts plans in and out ({@code /api/public-plans}, in AccessPolicy); anyone reads a published plan at
 * {@code GET /public/plans/{code}} without a login (SecurityConfiguration permits exactly this, read-only).
 */
@RestController
class PublicProgressController {

    private final PublicProgress progress;

    PublicProgressController(PublicProgress progress) {
        this.progress = progress;
    }

    record Publication(List<String> excludedTasks) {}

    @GetMapping("/api/public-plans")
    List<Map<String, Object>> published() {
        return progress.published();
    }

    @PutMapping("/api/public-plans/{code}")
    Map<String, Object> publish(
            @PathVariable String code, @RequestBody(required = false) Publication publication, Principal user) {
        return progress.publish(code, publication == null ? null : publication.excludedTasks(), user.getName());
    }

    @DeleteMapping("/api/public-plans/{code}")
    ResponseEntity<Void> withdraw(@PathVariable String code) {
        progress.withdraw(code);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/public/plans/{code}")
    ResponseEntity<PublicPlanView> view(@PathVariable String code) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(10, TimeUnit.SECONDS).cachePublic())
                .body(progress.view(code));
    }
}
