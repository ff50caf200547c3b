package cn.duban.security;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.util.EnsureUtil;

/**
 * Camunda grants a new user every permission on its own user account, so any unit user could delete or rename
 * itself. Here a new user may only read its account; changing its own password is allowed by
 * {@link OwnPasswordIdentityProvider}. Everything else is Camunda's default.
 */
class OwnAccountAuthorizationProvider extends DefaultAuthorizationProvider {

    static final Permission[] OWN_ACCOUNT = {Permissions.READ};

    @Override
    public AuthorizationEntity[] newUser(User user) {
        String userId = user.getId();
        EnsureUtil.ensureValidIndividualResourceId("Cannot create default authorization for user " + userId, userId);
        return new AuthorizationEntity[] {createGrantAuthorization(userId, null, Resources.USER, userId, OWN_ACCOUNT)};
    }
}
