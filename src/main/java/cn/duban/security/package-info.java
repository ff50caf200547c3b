/**
 * Everything about who may do what: the engine guard, the access policy, logins and their throttle, sessions,
 * cross-site requests, request limits; the only module that knows the webapps' internals. Owns duban.login_failure,
 * duban.login_known_address, duban.spring_session and duban.spring_session_attributes. No API.
 */
@ApplicationModule(
        displayName = "Security",
        allowedDependencies = {"cluster", "identity", "notification", "taskform", "web"})
package cn.duban.security;

import org.springframework.modulith.ApplicationModule;
