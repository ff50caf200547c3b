package cn.duban.security;

import static cn.duban.security.AccessPolicy.Role.LEADER;
import static cn.duban.security.AccessPolicy.Role.MONITORING;
import static cn.duban.security.AccessPolicy.Role.OFFICE;
import static cn.duban.security.AccessPolicy.Role.UNIT;

import cn.duban.identity.DubanGroups;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what, in one place: every path of Duban's API, of Camunda's engine REST API (its own door under
 * {@code /engine-rest} and the webapps' copy under {@code /camunda/api/engine}, both written here relative to the
 * engine, e.g. {@code /task/{id}/claim}) and of the webapps' own APIs. A path not listed for one of the caller's
 * roles is refused with 403, so a new endpoint is closed until it is listed. Administrators may call everything.
 * The engine's authorizations still decide which tasks and instances a permitted call reaches.
 */
public final class AccessPolicy {

    /** What a person is, from their groups: a unit's staff, the office, a leader, operations, an administrator. */
    public enum Role {
        UNIT,
        OFFICE,
        LEADER,
        MONITORING,
        ADMIN
    }

    /** Where a path lives. */
    public enum Door {
        API,
        ENGINE,
        WEBAPP
    }

    /** One permission: {@code method} ("*" for any) on the paths {@code pattern} matches, for {@code roles}. */
    public record Entry(Door door, String method, String pattern, Set<Role> roles, PathPattern parsed) {

        private static final PathPatternParser PARSER = new PathPatternParser();

        Entry(Door door, String method, String pattern, Set<Role> roles) {
            this(door, method, pattern, Set.copyOf(roles), PARSER.parse(pattern));
        }

        public boolean matches(String requestMethod, String path) {
            return ("*".equals(method) || method.equals(requestMethod))
                    && parsed.matches(PathContainer.parsePath(path));
        }
    }

    private static final Set<Role> PEOPLE = EnumSet.of(UNIT, OFFICE, LEADER);
    private static final Set<Role> OVERSEERS = EnumSet.of(OFFICE, LEADER);
    /** History the webapps query with POST; deletions, removal times and the cleanup are not among them. */
    private static final String HISTORY_QUERIES = "process-instance|activity-instance|task|variable-instance|detail"
            + "|incident|job-log|external-task-log|decision-instance|identity-link-log|user-operation";

    private static final Set<Role> SIGNED_IN = EnumSet.of(UNIT, OFFICE, LEADER, MONITORING);

    public static final List<Entry> ENTRIES = List.of(
            // ---- Duban's API ----
            api("GET", "/api/me", SIGNED_IN),
            api("GET", "/api/units", PEOPLE),
            api("POST", "/api/units", EnumSet.of(OFFICE)),
            api("GET", "/api/units/{id}/reach", EnumSet.of(OFFICE)),
            api("PUT", "/api/units/{id}/reach", EnumSet.of(OFFICE)),
            // A unit's staff by name: the controller lets a unit read only its own staff.
            api("GET", "/api/units/{id}/staff", PEOPLE),
            // The office keeps everyone's 姓名, position and phone; a person only their own phone (the service decides).
            api("PUT", "/api/staff/{userId}", PEOPLE),
            api("GET", "/api/inbox", PEOPLE),
            api("POST", "/api/inbox/{id}/read", PEOPLE),
            api("GET", "/api/calendar/{year}", PEOPLE),
            api("GET", "/api/calendar/{year}/status", PEOPLE),
            api("PUT", "/api/calendar/{year}", EnumSet.of(OFFICE)),
            api("DELETE", "/api/calendar/{year}", EnumSet.of(OFFICE)),
            api("GET", "/api/plans", PEOPLE),
            api("GET", "/api/plans/{code}", PEOPLE),
            api("POST", "/api/plans", EnumSet.of(OFFICE)),
            api("GET", "/api/plans/{code}/annual-draft", OVERSEERS),
            api("POST", "/api/plans/{code}/annual-plans", EnumSet.of(OFFICE)),
            api("POST", "/api/plan-drafts", EnumSet.of(OFFICE)),
            api("GET", "/api/plan-drafts/{draftId}", OVERSEERS),
            api("PUT", "/api/plan-drafts/{draftId}", EnumSet.of(OFFICE)),
            api("POST", "/api/plan-drafts/{draftId}/submission", EnumSet.of(OFFICE)),
            api("GET", "/api/my/done-tasks", PEOPLE),
            api("GET", "/api/task-cards", PEOPLE),
            // Evidence files (佐证材料): the evidence module lets only the task's units, the office and leaders read
            // them, and only the unit that works the open step add or delete its own.
            api("GET", "/api/tasks/{taskId}/evidence", PEOPLE),
            api("POST", "/api/tasks/{taskId}/evidence", PEOPLE),
            api("GET", "/api/plan-tasks/{code}/evidence", PEOPLE),
            api("GET", "/api/evidence/{id}", PEOPLE),
            api("DELETE", "/api/evidence/{id}", PEOPLE),
            api("POST", "/api/plan-tasks/{code}/extension-requests", EnumSet.of(UNIT)),
            api("POST", "/api/plan-tasks/{code}/urges", EnumSet.of(OFFICE)),
            api("POST", "/api/plan-tasks/urges", EnumSet.of(OFFICE)),
            // The units of the task (the controller refuses the others; a support unit sees only its own part).
            api("GET", "/api/plan-tasks/{code}/progress", PEOPLE),
            api("GET", "/api/plan-tasks/{code}/local-progress", PEOPLE),
            api("GET", "/api/plan-tasks/{code}/documents", OVERSEERS),
            api("GET", "/api/plan-tasks/{code}/instructions", OVERSEERS),
            api("POST", "/api/plan-tasks/{code}/instructions", EnumSet.of(LEADER)),
            api("GET", "/api/documents/{id}.docx", OVERSEERS),
            api("GET", "/api/dashboard/**", OVERSEERS),
            api("GET", "/api/public-plans", EnumSet.of(OFFICE)),
            api("PUT", "/api/public-plans/{code}", EnumSet.of(OFFICE)),
            api("DELETE", "/api/public-plans/{code}", EnumSet.of(OFFICE)),
            // The public progress page's data: the one path open without a login (SecurityConfiguration), read-only,
            // for plans the office published; listed here for everyone so that the policy names every endpoint.
            api("GET", "/public/plans/{code}", EnumSet.allOf(Role.class)),
            api("POST", "/api/major-projects", EnumSet.of(OFFICE)),
            api("POST", "/api/major-projects/import", EnumSet.of(OFFICE)),
            // The owner unit reports its own project's progress (the service refuses other units).
            api("POST", "/api/major-projects/{code}/progress", EnumSet.of(OFFICE, UNIT)),
            // A unit sees the projects it owns (the controller filters), the office and leaders all of them.
            api("GET", "/api/my/major-projects", PEOPLE),
            api("GET", "/api/joint-meetings", OVERSEERS),
            api("GET", "/api/joint-meetings/{code}", OVERSEERS),
            api("POST", "/api/joint-meetings", EnumSet.of(OFFICE)),
            api("GET", "/api/statistics", OVERSEERS),
            api("GET", "/api/statistics.xlsx", OVERSEERS),
            api("GET", "/api/traffic-light-rules/{decision}", OVERSEERS),
            api("PUT", "/api/traffic-light-rules/{decision}", EnumSet.of(OFFICE)),
            api("GET", "/api/indicators", OVERSEERS),
            api("GET", "/api/indicators/{id}/values", PEOPLE),
            api("PUT", "/api/indicators/{id}/lead-unit", EnumSet.of(OFFICE)),
            api("DELETE", "/api/indicators/{id}/lead-unit", EnumSet.of(OFFICE)),
            // The annual assessment: units may pass the door, the performance office (a unit) among them; the
            // controller lets only the performance and supervision offices run it, leaders read a published ranking
            // and every other unit its own score.
            api("GET", "/api/assessments", PEOPLE),
            api("POST", "/api/assessments", EnumSet.of(OFFICE, UNIT)),
            api("GET", "/api/assessments/{year}", PEOPLE),
            api("PUT", "/api/assessments/{year}/weights", EnumSet.of(OFFICE, UNIT)),
            api("POST", "/api/assessments/{year}/closure", EnumSet.of(OFFICE, UNIT)),
            api("POST", "/api/assessments/{year}/publication", EnumSet.of(OFFICE, UNIT)),
            api("GET", "/api/assessments/{year}/ranking", PEOPLE),
            api("GET", "/api/assessments/{year}/ranking.xlsx", PEOPLE),
            api("GET", "/api/assessments/{year}/my-score", EnumSet.of(UNIT)),
            // The API's description and Swagger UI's page: for the people who use the API.
            api("GET", "/v3/api-docs/**", PEOPLE),
            api("GET", "/swagger-ui.html", PEOPLE),

            // ---- Camunda's engine API: what Tasklist needs for everyone ----
            engine("GET", "/engine", PEOPLE),
            engine("GET", "/user/{id}/profile", PEOPLE),
            engine("PUT", "/user/{id}/credentials", PEOPLE),
            engine("GET", "/group", PEOPLE),
            engine("GET", "/group/count", PEOPLE),
            engine("GET", "/authorization/check", PEOPLE),
            engine("GET", "/filter", PEOPLE),
            engine("GET", "/filter/count", PEOPLE),
            engine("GET", "/filter/{id}", PEOPLE),
            engine("*", "/filter/{id}/list", PEOPLE),
            engine("*", "/filter/{id}/count", PEOPLE),
            engine("*", "/task", PEOPLE),
            engine("*", "/task/count", PEOPLE),
            engine("GET", "/task/{id}", PEOPLE),
            engine("GET", "/task/{id}/form", PEOPLE),
            engine("GET", "/task/{id}/deployed-form", PEOPLE),
            engine("GET", "/task/{id}/rendered-form", PEOPLE),
            engine("GET", "/task/{id}/form-variables", PEOPLE),
            engine("GET", "/task/{id}/variables", PEOPLE),
            engine("GET", "/task/{id}/variables/{name}", PEOPLE),
            engine("GET", "/task/{id}/identity-links", PEOPLE),
            engine("GET", "/task/{id}/comment", PEOPLE),
            engine("POST", "/task/{id}/comment/create", PEOPLE),
            engine("POST", "/task/{id}/claim", PEOPLE),
            engine("POST", "/task/{id}/unclaim", PEOPLE),
            engine("POST", "/task/{id}/complete", PEOPLE),
            engine("POST", "/task/{id}/submit-form", PEOPLE),
            engine("GET", "/process-definition", PEOPLE),
            engine("GET", "/process-definition/count", PEOPLE),
            engine("GET", "/process-definition/{id}", PEOPLE),
            engine("GET", "/process-definition/{id}/xml", PEOPLE),
            engine("GET", "/process-definition/{id}/startForm", PEOPLE),
            engine("GET", "/process-definition/{id}/deployed-start-form", PEOPLE),
            engine("GET", "/process-definition/{id}/form-variables", PEOPLE),
            engine("GET", "/process-definition/{id}/rendered-form", PEOPLE),
            engine("GET", "/history/user-operation", PEOPLE),
            engine("GET", "/history/user-operation/count", PEOPLE),
            engine("GET", "/history/task", PEOPLE),
            engine("GET", "/history/identity-link-log", PEOPLE),
            // ---- and what the office and leaders need besides: reading everything, starting plan intake ----
            engine("GET", "/**", OVERSEERS),
            engine("POST", "/process-instance", OVERSEERS),
            engine("POST", "/process-instance/count", OVERSEERS),
            engine("POST", "/variable-instance", OVERSEERS),
            engine("POST", "/variable-instance/count", OVERSEERS),
            engine("POST", "/history/{resource:" + HISTORY_QUERIES + "}", OVERSEERS),
            engine("POST", "/history/{resource:" + HISTORY_QUERIES + "}/count", OVERSEERS),
            engine("POST", "/process-definition/{id}/submit-form", EnumSet.of(OFFICE)),
            engine("POST", "/process-definition/key/{key}/submit-form", EnumSet.of(OFFICE)),

            // ---- the webapps' own APIs ----
            webapp("GET", "/camunda/api/admin/auth/user/{engine}", SIGNED_IN),
            webapp("POST", "/camunda/api/admin/auth/user/{engine}/login/{app}", SIGNED_IN),
            webapp("POST", "/camunda/api/admin/auth/user/{engine}/logout", SIGNED_IN),
            webapp("GET", "/camunda/api/tasklist/**", PEOPLE),
            webapp("GET", "/camunda/api/welcome/**", PEOPLE),
            webapp("*", "/camunda/api/cockpit/**", OVERSEERS));

    private AccessPolicy() {}

    /** Whether {@code roles} may call {@code method} on {@code path} (a path as {@link #place} gives it). */
    public static boolean allows(Collection<Role> roles, Door door, String method, String path) {
        if (roles.contains(Role.ADMIN)) {
            return true;
        }
        for (Entry entry : ENTRIES) {
            if (entry.door() == door
                    && entry.matches(method, path)
                    && roles.stream().anyMatch(entry.roles()::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The roles of someone in these groups. Any group that is none of Duban's own is a unit. */
    public static Set<Role> rolesOf(Collection<String> groupIds) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groupIds) {
            switch (group) {
                case DubanGroups.CAMUNDA_ADMIN -> roles.add(Role.ADMIN);
                case DubanGroups.SUPERVISION_OFFICE -> roles.add(OFFICE);
                case DubanGroups.LEADERS -> roles.add(LEADER);
                case DubanGroups.MONITORING -> roles.add(MONITORING);
                default -> roles.add(UNIT);
            }
        }
        return roles;
    }

    /**
     * A request path as the policy names it, or null if the policy has no say. The path is read as
     * {@link RequestPaths} normalises it (decoded, no empty segments, no trailing slash).
     */
    public static Place place(String path) {
        String normal = RequestPaths.normalise(path);
        for (String prefix : List.of("/engine-rest", "/camunda/api/engine")) {
            if (normal.equals(prefix) || normal.startsWith(prefix + "/")) {
                String rest = normal.substring(prefix.length());
                // "/engine/{name}/…" names the engine; without it, the default engine (engine REST only).
                if (rest.matches("/engine/[^/]+(/.*)?")) {
                    rest = rest.substring(
                            rest.indexOf('/', "/engine/".length()) < 0
                                    ? rest.length()
                                    : rest.indexOf('/', "/engine/".length()));
                } else if (rest.isEmpty() || rest.equals("/engine")) {
                    rest = "/engine";
                }
                return new Place(Door.ENGINE, rest.isEmpty() ? "/" : rest);
            }
        }
        if (normal.startsWith("/camunda/api/")) {
            return new Place(Door.WEBAPP, normal);
        }
        if (normal.startsWith("/api/")
                || normal.equals("/api")
                || normal.startsWith("/v3/api-docs")
                || normal.equals("/swagger-ui.html")) {
            return new Place(Door.API, normal);
        }
        return null;
    }

    public record Place(Door door, String path) {}

    private static Entry api(String method, String pattern, Set<Role> roles) {
        return new Entry(Door.API, method, pattern, roles);
    }

    private static Entry engine(String method, String pattern, Set<Role> roles) {
        return new Entry(Door.ENGINE, method, pattern, roles);
    }

    private static Entry webapp(String method, String pattern, Set<Role> roles) {
        return new Entry(Door.WEBAPP, method, pattern, roles);
    }
}
