package cn.duban.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Camunda's identity service (passwords are stored salted and hashed)
 * and grants one authority per group (see {@link GroupAuthorities}).
 */
@Component
public class CamundaUserAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaUserAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null
                || userId.isBlank()
                || credentials == null
                || !identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, GroupAuthorities.of(groupIds(userId)));
    }

    public List<String> groupIds(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
