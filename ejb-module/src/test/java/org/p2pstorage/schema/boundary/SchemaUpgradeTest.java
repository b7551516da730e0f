package org.p2pstorage.schema.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.Test;

/**
 * A catalog from before migrations (the schema Hibernate wrote for release fb799a6, in {@code db/catalog-before-flyway.sql},
 * with states as H2 ENUM columns and without what later releases added) migrates to the schema a new catalog gets,
 * column for column, keeping its rows; in an H2 of the server's version, without a container.
 */
class SchemaUpgradeTest {

    @Test
    void aCatalogFromBeforeMigrationsEndsWithTheSchemaOfANewOne() throws Exception {
        DataSource fresh = database();
        MigrateResult made = SchemaMigrations.migrate(fresh);
        assertEquals(6, made.migrationsExecuted);

        DataSource old = database();
        run(old, oldSchema());
        run(old, "INSERT INTO stored_file (id, acknowledged, chunkCount, chunkSize, createdAt, expectedSize, name, rejected,"
                + " sealed, size, status) VALUES ('f1', 2, 1, 65536, CURRENT_TIMESTAMP, 10, 'kept.bin', 0, TRUE, 10, 'AVAILABLE')");
        assertFalse(columns(old).containsKey("user_account.quotabytes"), "the release before added no quota yet");
        assertTrue(columns(old).get("stored_file.status").startsWith("ENUM"), columns(old).get("stored_file.status"));

        MigrateResult upgraded = SchemaMigrations.migrate(old);
        assertEquals(5, upgraded.migrationsExecuted, "V2 to V6 on top of the baseline");
        assertEquals(columns(fresh), columns(old), "every table and column of a new catalog, of the same types");
        assertEquals(List.of("1 BASELINE", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL"), rows(old, "SELECT \"version\" || ' ' || \"type\""
                + " FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""), "taken as version 1");
        assertEquals(List.of("kept.bin AVAILABLE -1"), rows(old, "SELECT name || ' ' || status || ' ' || COALESCE(replicas, -1) FROM stored_file"),
                "the file is kept, its state as text");

        String statusIndex = "SELECT index_name FROM information_schema.indexes WHERE table_name = 'STORED_FILE'"
                + " AND index_name = 'STORED_FILE_STATUS'";
        assertEquals(List.of("STORED_FILE_STATUS"), rows(fresh, statusIndex), "the orphan scan's index on a new catalog");
        assertEquals(List.of("STORED_FILE_STATUS"), rows(old, statusIndex), "and on an upgraded one");

        assertEquals(0, SchemaMigrations.migrate(old).migrationsExecuted, "the next start changes nothing");
        assertEquals(columns(fresh), columns(old));
    }

    private static DataSource database() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        source.setUser("sa");
        source.setPassword("sa");
        return source;
    }

    private static String oldSchema() throws Exception {
        try (InputStream in = SchemaUpgradeTest.class.getResourceAsStream("/db/catalog-before-flyway.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void run(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Reader script = new StringReader(sql)) {
            RunScript.execute(connection, script);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every column of the application's tables: {@code table.column} to its type, length and nullability. */
    private static Map<String, String> columns(DataSource database) throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name, column_name, data_type, character_maximum_length, is_nullable"
                     + " FROM information_schema.columns WHERE table_schema = 'PUBLIC' AND table_name <> 'flyway_schema_history'"
                     + " AND table_name NOT LIKE 'HTE_%'")) {
            while (rows.next()) {
                columns.put((rows.getString(1) + "." + rows.getString(2)).toLowerCase(),
                        rows.getString(3) + "(" + rows.getObject(4) + ") nullable " + rows.getString(5));
            }
        }
        return columns;
    }

    private static List<String> rows(DataSource database, String select) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(select)) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }
}
