package cn.duban.evidence;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence files over HTTP: {@code GET/POST /api/tasks/{taskId}/evidence} (a step's panel in Tasklist: the plan
 * task's files, and adding one as multipart part {@code file}), {@code GET /api/plan-tasks/{code}/evidence} (the task
 * page), {@code GET /api/evidence/{id}} (download) and {@code DELETE /api/evidence/{id}}.
 */
@RestController
class EvidenceController {

    private final EvidenceFiles evidence;

    EvidenceController(EvidenceFiles evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/api/tasks/{taskId}/evidence")
    EvidenceFiles.Listing ofStep(@PathVariable String taskId, Authentication user) {
        return evidence.forStep(taskId, Caller.of(user));
    }

    @PostMapping(path = "/api/tasks/{taskId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    EvidenceFile add(
            @PathVariable String taskId,
            @RequestPart(name = "file", required = false) MultipartFile file,
            Authentication user)
            throws IOException {
        if (file == null) {
            throw EvidenceRefusal.bad("缺少文件：请选择要上传的佐证材料（表单字段 file）。");
        }
        return evidence.add(taskId, Caller.of(user), file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/api/plan-tasks/{code}/evidence")
    List<EvidenceFile> ofTask(@PathVariable String code, Authentication user) {
        return evidence.forTaskCode(code, Caller.of(user));
    }

    @GetMapping("/api/evidence/{id}")
    ResponseEntity<byte[]> download(@PathVariable String id, Authentication user) {
        EvidenceFiles.Content content = evidence.read(fileId(id), Caller.of(user));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.file().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"evidence."
                                + FileKinds.extension(content.file().fileName())
                                + "\"; filename*=UTF-8''"
                                + URLEncoder.encode(content.file().fileName(), StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .body(content.bytes());
    }

    @DeleteMapping("/api/evidence/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, Authentication user) {
        evidence.delete(fileId(id), Caller.of(user));
    }

    private static UUID fileId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw EvidenceRefusal.notFound("没有这份佐证材料");
        }
    }
}
