package org.p2pstorage.account.boundary;

import java.io.IOException;
import java.io.Serializable;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;

import org.p2pstorage.account.entity.Caller;

/** The portal template's header: who is signed in, whether they are an admin, and signing out. */
@Named
@ViewScoped
public class UserMenuView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Accounts accounts;

    @Inject
    Client client;

    public String getUsername() {
        return client.caller().map(Caller::username).orElse("");
    }

    public boolean isAdmin() {
        return client.caller().map(Caller::admin).orElse(false);
    }

    /** Ends the session on the server too, so that its token is dead even if it were copied. */
    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpSession session = (HttpSession) external.getSession(false);
        if (session != null) {
            if (session.getAttribute(BearerMechanism.SESSION_TOKEN) instanceof String token) {
                accounts.logout(token);
            }
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + PortalGate.SIGN_IN + "?signedOut=true");
    }
}
