package cn.duban.plan.intake;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/plan-drafts}: a plan's own text (an uploaded .txt or .docx file, or the text as the body) is read
 * into a draft and starts plan-intake; the supervision office then reviews it in Tasklist.
 */
@RestController
@RequestMapping("/api/plan-drafts")
class PlanDraftController {

    private final PlanTextReader reader;
    private final PlanIntake intake;
    private final DraftReview review;

    PlanDraftController(PlanTextReader reader, PlanIntake intake, DraftReview review) {
        this.reader = reader;
        this.intake = intake;
        this.review = review;
    }

    /** The draft with every task, for the review page. */
    @GetMapping("/{draftId}")
    DraftReview.DraftView draft(@PathVariable String draftId) {
        return review.view(draftId);
    }

    /** Saves the reviewer's corrections without submitting them. */
    @PutMapping("/{draftId}")
    DraftReview.DraftView save(@PathVariable String draftId, @RequestBody DraftReview.DraftEdit edit) {
        review.save(draftId, edit);
        return review.view(draftId);
    }

    /** Submits the reviewed draft for a leader's approval; refused with every problem that remains. */
    @PostMapping("/{draftId}/submission")
    ResponseEntity<Void> submit(@PathVariable String draftId, @RequestBody DraftReview.DraftEdit edit, Principal user) {
        review.submit(draftId, edit, user.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PlanIntake.Draft> upload(
            @RequestParam("file") MultipartFile file, @RequestParam(name = "code", required = false) String planCode)
            throws IOException {
        String text = reader.read(file.getOriginalFilename(), file.getBytes());
        return created(intake.start(text, file.getOriginalFilename(), planCode));
    }

    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<PlanIntake.Draft> paste(
            @RequestBody byte[] body,
            @RequestParam(name = "code", required = false) String planCode,
            @RequestParam(name = "name", required = false) String sourceName) {
        String text = reader.read(sourceName == null ? "plan.txt" : sourceName + ".txt", body);
        return created(intake.start(text, sourceName, planCode));
    }

    private static ResponseEntity<PlanIntake.Draft> created(PlanIntake.Draft draft) {
        return ResponseEntity.created(URI.create("/engine-rest/process-instance/" + draft.processInstanceId()))
                .body(draft);
    }
}
