package org.p2pstorage.schema.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.p2pstorage.schema.control.CatalogBeforeMigrations;

/**
 * Brings the catalog's schema to this version before anything reads it: Flyway applies the scripts in
 * {@code db/migration} (the same for H2 and PostgreSQL) and records them in {@code flyway_schema_history}.
 * A catalog made before migrations existed (Hibernate wrote its schema then) is first given what the releases
 * after its own added ({@link CatalogBeforeMigrations}), then taken as version 1, which is that schema, and
 * upgraded from there: an existing data folder keeps its files. Every other start-up bean
 * waits for this one through {@code HostedNodes}.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "java:jboss/datasources/P2PDS")
    DataSource catalog;

    @PostConstruct
    void migrate() {
        MigrateResult result = migrate(catalog);
        LOG.log(Level.INFO, "catalog schema at version {0} ({1} migrations applied now, database {2})",
                new Object[]{result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                        result.migrationsExecuted, result.database});
    }

    /** Brings this catalog to the current version, whether it is empty, migrated before, or from before migrations. */
    static MigrateResult migrate(DataSource catalog) {
        CatalogBeforeMigrations.catchUp(catalog);
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(catalog)
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("schema written by Hibernate before migrations")
                .load()
                .migrate();
    }
}
