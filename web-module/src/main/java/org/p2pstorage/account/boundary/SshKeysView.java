package org.p2pstorage.account.boundary;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.p2pstorage.account.entity.GeneratedSshKey;
import org.p2pstorage.account.entity.SshKeyRequest;
import org.p2pstorage.account.entity.SshKeyView;
import org.p2pstorage.failure.boundary.FacesFailures;

/**
 * The SSH keys section of Account security: the user's public keys (for {@code ssh} and {@code sftp} to the
 * server) with add, remove and generate, through {@link SshKeys} as {@code /api/auth/ssh-keys} does. A
 * generated private key lives only in this view, shown once; the server keeps no copy.
 */
@Named
@ViewScoped
public class SshKeysView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SshKeys keys;

    @Inject
    Client client;

    private List<SshKeyView> list = List.of();
    private String name;
    private String publicKey;
    private String generatedName;
    private String privateKey;

    @PostConstruct
    public void refresh() {
        list = keys.list(client.username());
    }

    public void add() {
        SshKeyView added = FacesFailures.attempt(() -> keys.add(client.username(), new SshKeyRequest(name, publicKey)));
        if (added != null) {
            FacesFailures.info("key " + added.name() + " added (" + added.fingerprint() + ")");
            name = null;
            publicKey = null;
        }
        refresh();
    }

    public void generate() {
        GeneratedSshKey made = FacesFailures.attempt(() -> keys.generate(client.username(), new SshKeyRequest(generatedName, null)));
        if (made != null) {
            privateKey = made.privateKey();
            FacesFailures.info("key " + made.key().name() + " generated: copy its private key now, it is not kept");
            generatedName = null;
        }
        refresh();
    }

    public void remove(long id) {
        if (FacesFailures.perform(() -> keys.remove(client.username(), id))) {
            FacesFailures.info("key removed: it no longer signs in");
        }
        refresh();
    }

    /** Forgets the private key shown once. */
    public void dismiss() {
        privateKey = null;
    }

    public List<SshKeyView> getList() {
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public String getGeneratedName() {
        return generatedName;
    }

    public void setGeneratedName(String generatedName) {
        this.generatedName = generatedName;
    }

    public String getPrivateKey() {
        return privateKey;
    }
}
