package cn.duban.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine work as the system, without the caller's own authorizations, and restores the caller afterwards. For
 * work whose right was already checked at the door (e.g. only the supervision office may register a unit).
 */
public final class AsSystem {

    private AsSystem() {}

    public static <T> T call(IdentityService identityService, Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    public static void run(IdentityService identityService, Runnable work) {
        call(identityService, () -> {
            work.run();
            return null;
        });
    }
}
