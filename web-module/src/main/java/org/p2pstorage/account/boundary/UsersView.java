package org.p2pstorage.account.boundary;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.p2pstorage.account.entity.UserView;
import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.failure.boundary.FacesFailures;

/**
 * Admins: the accounts with their usage and quota, and a user's quota changed, as {@code GET /api/users} and
 * {@code PUT /api/users/{username}/quota} do. The {@code Users} EJB refuses everyone else; the page tells a
 * non-admin so instead of showing an empty list.
 */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Users users;

    @Inject
    Client client;

    private List<UserView> accounts = List.of();
    private String editing;
    private String quota;

    @PostConstruct
    public void refresh() {
        if (!isAdmin()) {
            accounts = List.of();
            return;
        }
        List<UserView> read = FacesFailures.attempt(() -> users.all());
        accounts = read == null ? List.of() : read;
    }

    public boolean isAdmin() {
        return client.caller().map(c -> c.admin()).orElse(false);
    }

    public void edit(UserView user) {
        editing = user.username();
        quota = user.customQuota() ? (user.quotaBytes() / (1024 * 1024)) + "MB" : "";
    }

    /** Saves the quota typed for the user being edited: a size such as {@code 5GB}, or empty for the default. */
    public void save() {
        String username = editing;
        Long bytes;
        try {
            bytes = quota == null || quota.isBlank() ? null : DataSize.parse(quota.strip()).bytes();
        } catch (RuntimeException e) {
            FacesFailures.error("the quota must be a size such as 500MB or 10GB, or empty for the default");
            return;
        }
        if (username != null && FacesFailures.attempt(() -> users.changeQuota(username, bytes)) != null) {
            FacesFailures.info("quota of " + username + " saved");
            editing = null;
        }
        refresh();
    }

    public List<UserView> getAccounts() {
        return accounts;
    }

    public String getEditing() {
        return editing;
    }

    public String getQuota() {
        return quota;
    }

    public void setQuota(String quota) {
        this.quota = quota;
    }
}
