package cn.duban.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who is signed in and in which roles, so that pages offer only what the user may do. */
@RestController
@Tag(name = "用户")
class CurrentUserController {

    private final IdentityService identityService;

    CurrentUserController(IdentityService identityService) {
        this.identityService = identityService;
    }

    @GetMapping("/api/me")
    @Operation(summary = "当前登录用户：姓名、所属组、是否为督查办、领导或管理员")
    CurrentUser me(Authentication authentication) {
        String id = authentication.getName();
        User user = AsSystem.call(
                identityService,
                () -> identityService.createUserQuery().userId(id).singleResult());
        String name = user == null
                ? id
                : Stream.of(user.getFirstName(), user.getLastName())
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining());
        List<String> groups = GroupAuthorities.groupIds(authentication);
        return new CurrentUser(
                id,
                name,
                groups,
                groups.contains(DubanGroups.SUPERVISION_OFFICE),
                groups.contains(DubanGroups.LEADERS),
                groups.contains(DubanGroups.CAMUNDA_ADMIN));
    }

    /** The signed-in user. */
    record CurrentUser(
            String id, String name, List<String> groups, boolean supervisionOffice, boolean leader, boolean admin) {}
}
