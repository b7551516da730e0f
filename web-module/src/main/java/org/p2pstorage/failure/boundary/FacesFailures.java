package org.p2pstorage.failure.boundary;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import org.p2pstorage.failure.entity.Failure;

/**
 * The portal's counterpart of {@link FailureMapper}: a {@link Failure} from a boundary becomes a message
 * on the page (the same words the API answers), instead of an error page.
 */
public final class FacesFailures {

    private static final Logger LOG = Logger.getLogger(FacesFailures.class.getName());

    private FacesFailures() {
    }

    /** Runs the action; answers false (with the failure shown on the page) when it was refused. */
    public static boolean perform(Runnable action) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** Runs the action and answers its result, or null (with the failure shown) when it was refused. */
    public static <T> T attempt(Supplier<T> action) {
        try {
            return action.get();
        } catch (Failure failure) {
            error(failure.getMessage());
        } catch (EJBException e) {
            if (e.getCause() instanceof Failure failure) {
                error(failure.getMessage());
            } else {
                LOG.log(Level.WARNING, "portal action failed", e);
                error("something went wrong on the server; try again");
            }
        }
        return null;
    }

    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, capitalized(text), null));
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, capitalized(text), null));
    }

    private static String capitalized(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
