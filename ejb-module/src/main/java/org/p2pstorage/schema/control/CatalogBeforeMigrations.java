package org.p2pstorage.schema.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * A catalog that a release before migrations left, brought to version 1 before Flyway takes it as such. Hibernate
 * wrote that schema itself, for the entities of its release: a data folder of an older release lacks what later
 * ones added (a table, a column, an index), and Flyway's baseline would claim it is there. The script
 * {@code db/before-migrations/catch-up.sql} adds what is missing and leaves what exists; it runs only on a catalog
 * with tables and no {@code flyway_schema_history}.
 */
public final class CatalogBeforeMigrations {

    private static final Logger LOG = Logger.getLogger(CatalogBeforeMigrations.class.getName());
    private static final String SCRIPT = "db/before-migrations/catch-up.sql";

    private CatalogBeforeMigrations() {
    }

    /** Brings a catalog from before migrations to version 1; true when it was one. */
    public static boolean catchUp(DataSource catalog) {
        try (Connection connection = catalog.getConnection()) {
            Set<String> tables = tables(connection.getMetaData());
            if (tables.contains("flyway_schema_history") || !tables.contains("stored_file")) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements()) {
                    statement.execute(sql);
                }
            }
            LOG.info("a catalog from before migrations: what the releases after its own added is made, to take it as version 1");
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bring the catalog from before migrations to version 1", e);
        }
    }

    private static Set<String> tables(DatabaseMetaData metadata) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet tables = metadata.getTables(null, null, "%", new String[]{"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** The script's statements: comment lines dropped, one statement per {@code ;} at a line's end. */
    static List<String> statements() {
        try (InputStream in = CatalogBeforeMigrations.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the deployment");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder code = new StringBuilder();
            text.lines().filter(line -> !line.strip().startsWith("--")).forEach(line -> code.append(line).append('\n'));
            return Stream.of(code.toString().split(";\\s*\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
