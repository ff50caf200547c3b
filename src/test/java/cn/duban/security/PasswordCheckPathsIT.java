package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import cn.duban.support.TestUsers;
import cn.duban.support.WebappSession;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wherever a password is checked, the check is counted by the login throttle, whatever spelling of the address a
 * client uses; Camunda's password oracle (identity/verify) answers nobody in any spelling; and an address written
 * in a way the server refuses gets a 400 with a Chinese problem document, before any password is checked.
 */
@DubanTest
class PasswordCheckPathsIT {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate rest;

    @LocalServerPort
    int port;

    @BeforeEach
    @AfterEach
    void forgetTheAttempts() {
        jdbc.sql("delete from duban.login_failure").update();
    }

    @Test
    void noSpellingOfIdentityVerifyTellsWhetherAPasswordIsRight() {
        String victim = users.member("oracle-victim", "ecology-environment");
        String caller = users.member("oracle-caller", "finance");
        String guess = "{\"username\":\"" + victim + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}";
        List<String> spellings = List.of(
                "/engine-rest/identity/verify",
                "/engine-rest/identity/verify/",
                "/engine-rest/engine/default/identity/verify",
                "/engine-rest/engine/default/identity/verify/",
                "/engine-rest/engine/default/identity/Verify",
                "/%65ngine-rest/identity/verify",
                "/engine-rest/%69dentity/verify",
                "/engine-rest/engine/default/identity/%76erify",
                "/engine-rest//identity/verify",
                "/engine-rest/identity/verify;x=1",
                "/camunda/api/engine/engine/default/identity/verify");

        for (String spelling : spellings) {
            for (RawHttp client : List.of(RawHttp.to(port), RawHttp.to(port).basic(caller, TestUsers.PASSWORD))) {
                RawHttp.Response answer = client.postJson(spelling, guess);
                assertThat(answer.status()).as(spelling).isIn(400, 401, 403, 404);
                assertThat(answer.body())
                        .as(spelling)
                        .doesNotContain("authenticated")
                        .containsPattern(CHINESE);
            }
        }
        WebappSession session = WebappSession.login(rest, caller, TestUsers.PASSWORD);
        assertThat(session.call(
                                HttpMethod.POST,
                                "/camunda/api/engine/engine/default/identity/verify",
                                Map.of("username", victim, "password", TestUsers.PASSWORD),
                                true)
                        .status())
                .as("the webapps' copy, with a logged-in session")
                .isIn(401, 403, 404);
    }

    @Test
    void aWrongPasswordIsCountedOnEveryAddressOfTheApi() {
        List<String> addresses = List.of(
                "/api/me",
                "/v3/api-docs",
                "/swagger-ui.html",
                "/%61pi/me",
                "/api/me/",
                "/engine-rest/task/",
                "/actuator/health",
                "/%61ctuator/prometheus",
                "/engine-rest/%74ask");
        for (int i = 0; i < addresses.size(); i++) {
            String user = users.member("counted-" + i, "ecology-environment");
            String address = addresses.get(i);

            RawHttp.Response answer =
                    RawHttp.to(port).basic(user, "wrong-password").get(address);

            assertThat(answer.status()).as(address).isEqualTo(401);
            assertThat(failuresOf(user))
                    .as("the failure at %s is counted", address)
                    .isEqualTo(1);
        }
    }

    @Test
    void theWebappsLoginIsCountedAtItsOtherSpellingsToo() {
        List<String> spellings = List.of(
                WebappSession.LOGIN, WebappSession.LOGIN + "/", WebappSession.LOGIN.replace("/tasklist", "/cockpit"));
        for (int i = 0; i < spellings.size(); i++) {
            String user = users.member("counted-webapp-" + i, "ecology-environment");
            String spelling = spellings.get(i);

            int status = WebappSession.attempt(rest, user, "wrong", spelling)
                    .getStatusCode()
                    .value();

            assertThat(status).as(spelling).isEqualTo(401);
            assertThat(failuresOf(user))
                    .as("the failure at %s is counted", spelling)
                    .isEqualTo(1);
        }
    }

    @Test
    void aMalformedAddressIs400WithAChineseProblemAndChecksNoPassword() {
        String user = users.member("malformed-caller", "ecology-environment");
        List<String> malformed = List.of(
                "/api/%2e%2e/x",
                "/api//me",
                "/api%2Fme",
                "/api/%2fme",
                "/api/%25",
                "/api/me;jsessionid=0123",
                "/api/me%00",
                "/api/./me",
                "/%65ngine-rest/task",
                "/camunda//api/admin/auth/user/default/login/tasklist",
                "/camunda/api/%61dmin/auth/user/default/login/tasklist");

        for (String address : malformed) {
            RawHttp.Response answer =
                    RawHttp.to(port).basic(user, "wrong-password").get(address);

            assertThat(answer.status()).as(address).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(address).startsWith("application/problem+json");
            assertThat(answer.body()).as(address).contains("请求地址不规范").doesNotContain("Tomcat", "Exception");
        }
        assertThat(failuresOf(user)).as("no password was checked").isZero();
        assertThat(RawHttp.to(port)
                        .basic(user, TestUsers.PASSWORD)
                        .get("/api/me")
                        .status())
                .isEqualTo(200);
    }

    private int failuresOf(String user) {
        return jdbc.sql("select coalesce(sum(failures), 0) from duban.login_failure where user_name = ? "
                        + "and address <> ''")
                .param(user)
                .query(Integer.class)
                .single();
    }
}
