package cn.duban.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/plan-tasks/{code}/documents}: a task's documents with their numbers; {@code GET
 * /api/documents/{id}.docx}: one of them as a Word file (for the office and leaders, from the task page and the
 * dashboard).
 */
@RestController
class DocumentController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final Documents documents;

    DocumentController(Documents documents) {
        this.documents = documents;
    }

    @GetMapping("/api/plan-tasks/{code}/documents")
    List<Listed> ofTask(@PathVariable String code) {
        return documents.ofTask(code).stream()
                .map(d -> new Listed(
                        d.id(),
                        d.kind().name(),
                        d.title(),
                        d.documentNumber(),
                        d.issuedAt().toString(),
                        "/api/documents/" + d.id() + ".docx"))
                .toList();
    }

    @GetMapping("/api/documents/{id}.docx")
    ResponseEntity<byte[]> docx(@PathVariable String id) {
        if (!id.matches("[0-9]{1,18}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "文书编号应为数字");
        }
        IssuedDocument document = documents
                .find(Long.parseLong(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这份文书"));
        String name = document.title() + "-" + document.taskCode() + "-" + document.documentNumber() + ".docx";
        return ResponseEntity.ok()
                .contentType(DOCX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"document.docx\"; filename*=UTF-8''"
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .body(documents.docx(document));
    }

    /** One line of a task's document list. */
    record Listed(long id, String kind, String title, String documentNumber, String issuedAt, String href) {}
}
