package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import cn.duban.support.WebappSession;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The door enforces {@link AccessPolicy} on every endpoint of Camunda's REST API, generated from the API's own
 * resource model: for each role but the administrators, every endpoint the policy does not list for it answers 403
 * before the engine is reached, on the engine REST door and on the webapps' copy. A new endpoint is refused until
 * it is listed.
 */
@DubanTest
class AccessPolicyIT {

    private static final Map<AccessPolicy.Role, String> GROUP_OF = Map.of(
            AccessPolicy.Role.UNIT, "ecology-environment",
            AccessPolicy.Role.OFFICE, DubanGroups.SUPERVISION_OFFICE,
            AccessPolicy.Role.LEADER, DubanGroups.LEADERS,
            AccessPolicy.Role.MONITORING, DubanGroups.MONITORING);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    cn.duban.plan.PlanImporter importer;

    @Test
    void everyUnlistedEngineEndpointIsRefusedToEveryRoleOnBothDoors() {
        List<Endpoint> endpoints = engineEndpoints();
        assertThat(endpoints)
                .as("the engine REST API's endpoints, from its resource model")
                .hasSizeGreaterThan(300);
        List<String> failures = new ArrayList<>();
        int probed = 0;
        for (AccessPolicy.Role role : GROUP_OF.keySet()) {
            String user = users.member("policy-" + role.name().toLowerCase(), GROUP_OF.get(role));
            // The monitoring account cannot log in to the webapps at all: only its engine REST door is probed.
            WebappSession session =
                    role == AccessPolicy.Role.MONITORING ? null : WebappSession.login(rest, user, TestUsers.PASSWORD);
            for (Endpoint endpoint : endpoints) {
                String path = endpoint.path().replaceAll("\\{[^}]+}", "probe");
                String engineRest = "/engine-rest" + path;
                String webapp = "/camunda/api/engine/engine/default" + path;
                if (!listed(role, endpoint.method(), engineRest)) {
                    probed++;
                    int status = basic(user, endpoint.method(), engineRest);
                    if (status != 403) {
                        failures.add(role + " " + endpoint.method() + " " + engineRest + ": " + status);
                    }
                }
                if (session != null && !listed(role, endpoint.method(), webapp)) {
                    probed++;
                    int status = session.call(HttpMethod.valueOf(endpoint.method()), webapp, null, true)
                            .status();
                    if (status != 403) {
                        failures.add(role + " " + endpoint.method() + " " + webapp + ": " + status);
                    }
                }
            }
        }
        System.out.println("access policy: " + endpoints.size() + " engine endpoints, " + probed
                + " unlisted (role, endpoint, door) calls probed");
        assertThat(failures)
                .as("unlisted endpoints that were not refused (engine REST / webapp copy)")
                .isEmpty();
    }

    @Test
    void theWebappsOwnApisAreClosedToWhomTheyDoNotServe() {
        String unit = users.member("policy-webapp-unit", "ecology-environment");
        WebappSession session = WebappSession.login(rest, unit, TestUsers.PASSWORD);
        for (String path : List.of(
                "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
                "/camunda/api/cockpit/plugin/base/default/incident/count",
                "/camunda/api/admin/plugin/adminPlugins/default/authorization")) {
            assertThat(session.call(HttpMethod.GET, path, null, true).status())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(session.call(HttpMethod.GET, "/camunda/api/admin/auth/user/default", null, true)
                        .status())
                .as("the webapps may still ask who is signed in")
                .isEqualTo(200);
    }

    @Test
    void aUnitSeesOnlyTheTasksOfAPlanItTakesPartIn() {
        String code = "POL-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        importer.importPlan(Fixture.planYaml(code).getBytes(java.nio.charset.StandardCharsets.UTF_8), "policy");
        Map<String, Integer> visible = new java.util.LinkedHashMap<>();
        for (String group : List.of(
                "ecology-environment",
                "agriculture-rural",
                "finance",
                DubanGroups.SUPERVISION_OFFICE,
                DubanGroups.LEADERS)) {
            String user = users.member("plan-viewer-" + group, group);
            visible.put(
                    group,
                    Http.as(rest, user)
                            .get("/api/plans/" + code)
                            .json()
                            .path("tasks")
                            .size());
        }
        assertThat(visible)
                .containsExactly(
                        Map.entry("ecology-environment", 4),
                        Map.entry("agriculture-rural", 2),
                        Map.entry("finance", 0),
                        Map.entry(DubanGroups.SUPERVISION_OFFICE, 4),
                        Map.entry(DubanGroups.LEADERS, 4));
    }

    @Test
    void theMonitoringAccountReadsNoPlansUnitsNorUsers() {
        Http monitoring = Http.as(rest, users.member("policy-monitor", DubanGroups.MONITORING));
        for (String path : List.of(
                "/api/plans",
                "/api/units",
                "/api/inbox",
                "/engine-rest/user",
                "/engine-rest/group",
                "/engine-rest/task",
                "/engine-rest/process-instance")) {
            assertThat(monitoring.get(path).status()).as(path).isEqualTo(403);
        }
    }

    private static boolean listed(AccessPolicy.Role role, String method, String path) {
        AccessPolicy.Place place = AccessPolicy.place(path);
        return AccessPolicy.allows(EnumSet.of(role), place.door(), method, place.path());
    }

    private int basic(String user, String method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, TestUsers.PASSWORD)
                .exchange(path, HttpMethod.valueOf(method), new HttpEntity<>("{}", headers), String.class)
                .getStatusCode()
                .value();
    }

    record Endpoint(String method, String path) {}

    /** Every (method, path) of Camunda's REST API, walking its resources and sub-resource locators. */
    static List<Endpoint> engineEndpoints() {
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        for (Class<?> root : CamundaRestResources.getResourceClasses()) {
            Resource resource = Resource.from(root);
            if (resource != null) {
                walk(resource, "", endpoints, 0);
            }
        }
        return List.copyOf(endpoints);
    }

    private static void walk(Resource resource, String prefix, Set<Endpoint> endpoints, int depth) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            endpoints.add(new Endpoint(method.getHttpMethod(), path));
        }
        ResourceMethod locator = resource.getResourceLocator();
        if (locator != null && depth < 6) {
            Resource located = Resource.from(locator.getInvocable().getRawResponseType());
            if (located != null) {
                for (ResourceMethod method : located.getResourceMethods()) {
                    endpoints.add(new Endpoint(method.getHttpMethod(), path));
                }
                for (Resource child : located.getChildResources()) {
                    walk(child, path, endpoints, depth + 1);
                }
            }
        }
        for (Resource child : resource.getChildResources()) {
            walk(child, path, endpoints, depth + 1);
        }
    }

    private static String join(String prefix, String path) {
        String joined = (prefix + "/" + (path == null ? "" : path)).replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
