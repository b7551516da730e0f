package org.p2pstorage.mail.boundary;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.failure.boundary.FacesFailures;
import org.p2pstorage.mail.entity.OutboxEntry;

/** Admins (others are refused, plainly): the mails filed in the outbox while no SMTP server is configured, as {@code GET /api/mail/outbox}. */
@Named
@ViewScoped
public class OutboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Outbox outbox;

    @Inject
    Client client;

    private List<OutboxEntry> mails = List.of();

    @PostConstruct
    public void refresh() {
        if (!isAdmin()) {
            mails = List.of();
            return;
        }
        List<OutboxEntry> read = FacesFailures.attempt(() -> {
            client.requireAdmin();
            return outbox.list();
        });
        mails = read == null ? List.of() : read;
    }

    /** Only admins read the outbox; anyone else is told so, not shown an empty outbox. */
    public boolean isAdmin() {
        return client.caller().map(c -> c.admin()).orElse(false);
    }

    public List<OutboxEntry> getMails() {
        return mails;
    }
}
