package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import cn.duban.support.WebappSession;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A unit user may change its own password (with the current one, as Tasklist's profile page does), but neither
 * delete nor rename itself: the engine refuses with 403 and the account stays as it was. Users created before this
 * rule lose those rights at start-up.
 */
@DubanTest
class OwnAccountIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    OwnAccountGrants ownAccountGrants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aUserCannotDeleteItself() {
        String user = users.member("own-delete", "ecology-environment");

        Http.Response refused = Http.as(rest, user).delete("/engine-rest/user/" + user);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("无权");
        assertThat(Http.as(rest, user).get("/api/me").status())
                .as("still logs in")
                .isEqualTo(200);
    }

    @Test
    void aUserCannotRenameItselfNorChangeItsEmail() {
        String user = users.member("own-profile", "ecology-environment");

        Http.Response refused = Http.as(rest, user)
                .putJson(
                        "/engine-rest/user/" + user + "/profile",
                        Map.of("id", user, "firstName", "冒名", "lastName", "顶替", "email", "someone@else.example"));

        assertThat(refused.status()).isEqualTo(403);
        User unchanged = identityService.createUserQuery().userId(user).singleResult();
        assertThat(unchanged.getFirstName()).isEqualTo(user);
        assertThat(unchanged.getLastName()).isEqualTo("测试");
        assertThat(unchanged.getEmail()).isEqualTo(user + "@duban.test");
    }

    @Test
    void aUserChangesItsOwnPasswordWithTheCurrentOne() {
        String user = users.member("own-password", "ecology-environment");
        String newPassword = "Neues-Passw0rd";

        Http.Response wrongCurrent = Http.as(rest, user)
                .putJson(
                        "/engine-rest/user/" + user + "/credentials",
                        Map.of("password", newPassword, "authenticatedUserPassword", "not-my-password"));
        Http.Response changed = Http.as(rest, user)
                .putJson(
                        "/engine-rest/user/" + user + "/credentials",
                        Map.of("password", newPassword, "authenticatedUserPassword", TestUsers.PASSWORD));

        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(changed.status()).isEqualTo(204);
        assertThat(identityService.checkPassword(user, newPassword)).isTrue();
        assertThat(identityService.createUserQuery().userId(user).singleResult().getLastName())
                .as("nothing else changed")
                .isEqualTo("测试");
        User restored = identityService.createUserQuery().userId(user).singleResult();
        restored.setPassword(TestUsers.PASSWORD);
        identityService.saveUser(restored);
    }

    @Test
    void tasklistsProfilePageChangesThePasswordButNotTheName() {
        String user = users.member("own-tasklist", "ecology-environment");
        WebappSession tasklist = WebappSession.login(rest, user, TestUsers.PASSWORD);
        String profile = "/camunda/api/engine/engine/default/user/" + user;

        Http.Response renamed = tasklist.call(
                HttpMethod.PUT, profile + "/profile", Map.of("id", user, "firstName", "冒名", "lastName", "顶替"), true);
        Http.Response changed = tasklist.call(
                HttpMethod.PUT,
                profile + "/credentials",
                Map.of("password", "Tasklist-Passw0rd", "authenticatedUserPassword", TestUsers.PASSWORD),
                true);

        assertThat(renamed.status()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId(user).singleResult().getFirstName())
                .isEqualTo(user);
        assertThat(changed.status()).isEqualTo(204);
        assertThat(identityService.checkPassword(user, "Tasklist-Passw0rd")).isTrue();
    }

    @Test
    void anAdministratorStillManagesOtherUsersAccounts() {
        String admin = users.member("own-admin", DubanGroups.CAMUNDA_ADMIN);
        String user = users.member("own-managed", "ecology-environment");

        Http.Response renamed = Http.as(rest, admin)
                .putJson(
                        "/engine-rest/user/" + user + "/profile",
                        Map.of("id", user, "firstName", "王", "lastName", "芳", "email", user + "@duban.test"));

        assertThat(renamed.status()).isEqualTo(204);
        assertThat(identityService.createUserQuery().userId(user).singleResult().getFirstName())
                .isEqualTo("王");
    }

    @Test
    void usersCreatedUnderTheOldRuleLoseTheRightToDeleteThemselvesAtStartUp() {
        String user = users.member("own-legacy", "ecology-environment");
        Authorization grant = authorizationService
                .createAuthorizationQuery()
                .userIdIn(user)
                .resourceType(Resources.USER)
                .resourceId(user)
                .singleResult();
        grant.setPermissions(new Permissions[] {Permissions.ALL});
        authorizationService.saveAuthorization(grant);

        assertThat(ownAccountGrants.restrict()).isPositive();
        assertThat(ownAccountGrants.restrict())
                .as("running it again changes nothing")
                .isZero();

        assertThat(Http.as(rest, user).delete("/engine-rest/user/" + user).status())
                .isEqualTo(403);
        assertThat(Http.as(rest, user).get("/api/me").status())
                .as("still logs in")
                .isEqualTo(200);
    }
}
