package cn.duban.plan;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A plan file that is not imported, with every reason; nothing of it has been written. */
public class PlanRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final List<ImportProblem> problems;

    PlanRejectedException(HttpStatus status, List<ImportProblem> problems) {
        super(summary(problems));
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public static PlanRejectedException invalid(List<ImportProblem> problems) {
        return new PlanRejectedException(HttpStatus.BAD_REQUEST, problems);
    }

    public static PlanRejectedException invalid(ImportProblem problem) {
        return invalid(List.of(problem));
    }

    static PlanRejectedException conflict(List<ImportProblem> problems) {
        return new PlanRejectedException(HttpStatus.CONFLICT, problems);
    }

    public HttpStatus status() {
        return status;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    private static String summary(List<ImportProblem> problems) {
        String first = problems.isEmpty() ? "" : problems.get(0).message();
        return problems.size() == 1 ? "计划未导入：" + first : "计划未导入，共" + problems.size() + "处问题。第一处：" + first;
    }
}
