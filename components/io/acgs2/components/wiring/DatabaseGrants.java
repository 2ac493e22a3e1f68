package io.acgs2.components.wiring;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The SQL that makes the services' database users of one domain database: one PL/pgSQL block,
 * idempotent, run by the master user. On the primary it creates each missing role (LOGIN, no
 * password), grants {@code rds_iam} (IAM authentication only), CONNECT and schema usage, and the
 * access level's table privileges, now and by default for tables the master creates later (a
 * service moved from read-write to read loses its write privileges). On a secondary, where DDL and
 * GRANT cannot run (write forwarding does not forward them; the primary's roles replicate), it only
 * checks that the roles exist, and fails naming the missing ones.
 */
public final class DatabaseGrants {

    /** A PostgreSQL identifier that needs no quoting. */
    static final Pattern PLAIN = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    static final String WRITE = "INSERT, UPDATE, DELETE";

    private DatabaseGrants() {
    }

    /** The block for {@code users} (role → access). */
    public static String sql(Map<String, StoreAccess> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no database users: pass at least one");
        }
        users.keySet().stream().filter(u -> !PLAIN.matcher(u).matches()).findFirst().ifPresent(u -> {
            throw new IllegalArgumentException("'" + u + "' is not a plain PostgreSQL identifier");
        });
        var sorted = new TreeMap<>(users);
        var out = new StringBuilder();
        out.append("-- made by acgs2-infra: the services' IAM-authenticated users of this database\n");
        out.append("DO $acgs2$\nDECLARE\n  missing text[];\nBEGIN\n");
        out.append("  IF pg_is_in_recovery() THEN\n");
        out.append("    SELECT array_agg(u) INTO missing FROM unnest(ARRAY[")
                .append(String.join(", ", sorted.keySet().stream().map(u -> "'" + u + "'").toList()))
                .append("]) AS u WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = u);\n");
        out.append("    IF missing IS NOT NULL THEN\n");
        out.append("      RAISE EXCEPTION 'database users % do not exist here yet: they are made on the primary cluster "
                + "(the domain''s writer region) and replicate; run pulumi up of that region first', missing;\n");
        out.append("    END IF;\n");
        out.append("    RAISE NOTICE 'a secondary: every user exists (replicated from the primary)';\n");
        out.append("    RETURN;\n  END IF;\n");
        for (var e : sorted.entrySet()) {
            var u = e.getKey();
            out.append("  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '").append(u).append("') THEN\n");
            out.append("    CREATE ROLE ").append(u).append(" LOGIN;\n  END IF;\n");
            out.append("  GRANT rds_iam TO ").append(u).append(";\n");
            out.append("  EXECUTE format('GRANT CONNECT ON DATABASE %I TO ").append(u).append("', current_database());\n");
            out.append("  GRANT USAGE ON SCHEMA public TO ").append(u).append(";\n");
            out.append("  REVOKE TRUNCATE ON ALL TABLES IN SCHEMA public FROM ").append(u).append(";\n");
            out.append("  GRANT SELECT ON ALL TABLES IN SCHEMA public TO ").append(u).append(";\n");
            out.append("  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ").append(u).append(";\n");
            if (e.getValue().writes()) {
                out.append("  GRANT ").append(WRITE).append(" ON ALL TABLES IN SCHEMA public TO ").append(u).append(";\n");
                out.append("  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ").append(u).append(";\n");
                out.append("  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ").append(WRITE).append(" ON TABLES TO ").append(u).append(";\n");
                out.append("  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ").append(u).append(";\n");
            } else {
                out.append("  REVOKE ").append(WRITE).append(" ON ALL TABLES IN SCHEMA public FROM ").append(u).append(";\n");
                out.append("  REVOKE USAGE ON ALL SEQUENCES IN SCHEMA public FROM ").append(u).append(";\n");
                out.append("  ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ").append(WRITE).append(" ON TABLES FROM ").append(u).append(";\n");
                out.append("  ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE ON SEQUENCES FROM ").append(u).append(";\n");
            }
        }
        out.append("  RAISE NOTICE 'the primary: users % made and granted', ARRAY[")
                .append(String.join(", ", sorted.keySet().stream().map(u -> "'" + u + "'").toList())).append("];\n");
        out.append("END\n$acgs2$;\n");
        return out.toString();
    }
}
