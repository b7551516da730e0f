package org.p2pstorage.account.entity;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One single-use backup code, stored as a salted SHA-256 (the codes are random, so a slow hash adds
 * nothing but ten slow comparisons per login). A used code is deleted.
 */
@Entity
@Table(name = "backup_code")
@NamedQueries({
        @NamedQuery(name = BackupCode.OF_ACCOUNT, query = "SELECT c FROM BackupCode c WHERE c.account = :account"),
        @NamedQuery(name = BackupCode.DELETE_OF_ACCOUNT, query = "DELETE FROM BackupCode c WHERE c.account = :account")})
public class BackupCode {

    public static final String OF_ACCOUNT = "BackupCode.ofAccount";
    public static final String DELETE_OF_ACCOUNT = "BackupCode.deleteOfAccount";

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false)
    private UserAccount account;

    @Embedded
    private CodeDigest digest;

    protected BackupCode() {
    }

    public BackupCode(UserAccount account, String code) {
        this.account = account;
        this.digest = CodeDigest.of(code);
    }

    public boolean matches(String code) {
        return digest.matches(code);
    }
}
