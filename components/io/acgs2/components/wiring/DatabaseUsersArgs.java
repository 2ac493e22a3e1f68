package io.acgs2.components.wiring;

import com.pulumi.core.Output;
import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;
import io.acgs2.components.compute.ClusterCore;
import io.acgs2.components.network.Ipv4Cidr;

import java.util.Map;
import java.util.TreeMap;

/** Inputs of {@link DatabaseUsers}. Build with {@link #builder()}. */
public final class DatabaseUsersArgs {

    private String domain;
    private String zone;
    private String region;
    private String namespace;
    private Map<String, StoreAccess> users;
    private Output<String> writerHost;
    private Output<String> readerHost;
    private String databaseName;
    private Output<String> masterSecretArn;
    private Output<String> masterSecretKeyArn;
    private ClusterCore cluster;
    private AwsFacts facts;
    private Ipv4Cidr isolatedRange;

    private DatabaseUsersArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The data domain whose database this is. Required. */
    public String domain() {
        return domain;
    }

    /** Its zone (what the objects declare). Required. */
    public String zone() {
        return zone;
    }

    public String region() {
        return region;
    }

    /** Where the Job runs (the services namespace). Required. */
    public String namespace() {
        return namespace;
    }

    /** PostgreSQL role → access, every service wired to this database in this region. Required, not empty. */
    public Map<String, StoreAccess> users() {
        return users;
    }

    /** The region's cluster endpoint (accepts connections where this cluster is the primary). Required. */
    public Output<String> writerHost() {
        return writerHost;
    }

    /** The region's reader endpoint (a secondary answers here: the Job then only checks). Required. */
    public Output<String> readerHost() {
        return readerHost;
    }

    public String databaseName() {
        return databaseName;
    }

    /** The master secret in this region: the owner's, or this region's replica of it. Required. */
    public Output<String> masterSecretArn() {
        return masterSecretArn;
    }

    /** The key that encrypts it here (the database's key). Required. */
    public Output<String> masterSecretKeyArn() {
        return masterSecretKeyArn;
    }

    public ClusterCore cluster() {
        return cluster;
    }

    public AwsFacts facts() {
        return facts;
    }

    public Ipv4Cidr isolatedRange() {
        return isolatedRange;
    }

    public static final class Builder {
        private final DatabaseUsersArgs a = new DatabaseUsersArgs();
        private final Map<String, StoreAccess> users = new TreeMap<>();

        private Builder() {
        }

        public Builder domain(String v) {
            a.domain = v;
            return this;
        }

        public Builder zone(String v) {
            a.zone = v;
            return this;
        }

        public Builder region(String v) {
            a.region = v;
            return this;
        }

        public Builder namespace(String v) {
            a.namespace = v;
            return this;
        }

        public Builder user(String role, StoreAccess access) {
            users.put(role, access);
            return this;
        }

        public Builder writerHost(Output<String> v) {
            a.writerHost = v;
            return this;
        }

        public Builder readerHost(Output<String> v) {
            a.readerHost = v;
            return this;
        }

        public Builder databaseName(String v) {
            a.databaseName = v;
            return this;
        }

        public Builder masterSecretArn(Output<String> v) {
            a.masterSecretArn = v;
            return this;
        }

        public Builder masterSecretKeyArn(Output<String> v) {
            a.masterSecretKeyArn = v;
            return this;
        }

        public Builder cluster(ClusterCore v) {
            a.cluster = v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            a.facts = v;
            return this;
        }

        public Builder isolatedRange(Ipv4Cidr v) {
            a.isolatedRange = v;
            return this;
        }

        public DatabaseUsersArgs build() {
            var p = new ArgsProblems("DatabaseUsersArgs");
            p.require("domain", a.domain, "name the data domain");
            p.require("zone", a.zone, "pass the domain's zone");
            p.require("region", a.region, "pass the region");
            p.require("namespace", a.namespace, "pass the services namespace");
            p.require("writerHost", a.writerHost, "pass the cluster endpoint");
            p.require("readerHost", a.readerHost, "pass the reader endpoint");
            p.require("databaseName", a.databaseName, "pass the database name");
            p.require("masterSecretArn", a.masterSecretArn, "pass the region's master secret (owner's or replica)");
            p.require("masterSecretKeyArn", a.masterSecretKeyArn, "pass the key of the region's master secret");
            p.require("cluster", a.cluster, "pass the region's cluster");
            p.require("facts", a.facts, "pass the region's AwsFacts");
            p.require("isolatedRange", a.isolatedRange, "pass CidrPlan.range(vpc, ISOLATED)");
            if (users.isEmpty()) {
                p.add("users", "is empty", "pass the role of every service wired to the database");
            }
            users.keySet().stream().filter(u -> !DatabaseGrants.PLAIN.matcher(u).matches()).forEach(u ->
                    p.add("users", "'" + u + "' is not a plain PostgreSQL identifier", "use AccessPolicy.databaseUser(service)"));
            if (a.domain != null && a.domain.length() > 40) {
                p.add("domain", "is longer than 40 characters", "the Job's name db-users-<domain>-<hash> must stay within 63");
            }
            p.throwIfAny();
            a.users = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(users));
            return a;
        }
    }
}
