package cn.duban.taskform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * An expected refusal (a {@link BadUserRequestException} such as {@link SubmissionRejectedException}, e.g. a task
 * handed to another unit) is no fault: where the engine would log it as an ERROR with a stack trace (a task
 * listener's exception reaches the engine wrapped, which hides that it is a refusal), it is logged at WARN, one line,
 * without the stack trace. Other errors are untouched.
 */
@Component
class RefusalLogging extends TurboFilter {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(RefusalLogging.class);

    RefusalLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(RefusalLogging.class::isInstance)) {
            context.addTurboFilter(this);
            start();
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || logger.getName().equals(LOG.getName())) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t != null
                ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last
                        ? last
                        : null;
        BadUserRequestException refusal = refusalIn(thrown);
        if (refusal == null) {
            return FilterReply.NEUTRAL;
        }
        LOG.warn(
                "Refused{}: {}",
                refusal instanceof SubmissionRejectedException rejected ? " (" + rejected.field() + ")" : "",
                refusal.getMessage());
        return FilterReply.DENY;
    }

    private static BadUserRequestException refusalIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BadUserRequestException refusal) {
                return refusal;
            }
        }
        return null;
    }
}
