package cn.duban.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Creates users of a unit for a test, the way an administrator would in Camunda Admin. */
@Component
public class TestUsers {

    public static final String PASSWORD = "Test-Passw0rd";

    private final IdentityService identityService;

    TestUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** A user of {@code groupId}; created once, reused by later tests. */
    public String member(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName(userId);
            user.setLastName("测试");
            user.setEmail(userId + "@duban.test");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(userId, groupId);
        }
        return userId;
    }
}
