package cn.duban.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's user store, with one exception to its rule that saving a user needs UPDATE on it: a user may change its
 * own password and nothing else (Tasklist's profile page, {@code PUT /user/{id}/credentials}, which first checks the
 * current password). Users hold only READ on their own account ({@link OwnAccountAuthorizationProvider}), so a
 * change of their name or e-mail, or deleting themselves, is refused with Camunda's AuthorizationException.
 */
public class OwnPasswordIdentityProvider extends DbIdentityServiceProvider {

    @Override
    public IdentityOperationResult saveUser(User user) {
        if (user instanceof UserEntity entity && isOwnPasswordChange(entity)) {
            return Context.getCommandContext().runWithoutAuthorization(() -> super.saveUser(user));
        }
        return super.saveUser(user);
    }

    private static boolean isOwnPasswordChange(UserEntity user) {
        CommandContext command = Context.getCommandContext();
        Authentication caller = command.getAuthentication();
        if (user.getRevision() == 0
                || !user.hasNewPassword()
                || caller == null
                || !Objects.equals(caller.getUserId(), user.getId())) {
            return false;
        }
        String table = Context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_ID_USER";
        Connection connection = command.getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement stored =
                connection.prepareStatement("select FIRST_, LAST_, EMAIL_ from " + table + " where ID_ = ?")) {
            stored.setString(1, user.getId());
            try (ResultSet profile = stored.executeQuery()) {
                return profile.next()
                        && Objects.equals(profile.getString(1), user.getFirstName())
                        && Objects.equals(profile.getString(2), user.getLastName())
                        && Objects.equals(profile.getString(3), user.getEmail());
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not read the stored profile of user " + user.getId(), e);
        }
    }
}
