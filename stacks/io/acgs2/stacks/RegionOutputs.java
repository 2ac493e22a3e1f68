package io.acgs2.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The cross-stack contract: everything a region's stack exports, typed, grouped by layer. The
 * record components are the export names (flat: a group's fields are top-level outputs), so this
 * file is the only list of them. {@link #export} writes them; {@link #read} reads a peer's back
 * with every coercion in one place. A later layer adds a group (or fields) here, never a string name.
 *
 * @param identity the region's place in the fleet
 * @param network  its VPC
 * @param transit  its Transit Gateway and the links it owns
 * @param compute  its EKS cluster
 * @param data     its data domains' stores
 * @param mesh     its place in the service mesh
 * @param events   its Kafka
 * @param traffic  its front door
 * @param operations its paging and backups
 */
public record RegionOutputs(Identity identity, Network network, Transit transit, Compute compute, Data data, Mesh mesh,
                            Events events, Traffic traffic, Operations operations) {

    /**
     * @param stack       the stack name
     * @param region      the AWS region
     * @param zone        the sovereignty zone
     * @param joinOrder   the order the region joined the fleet
     * @param meshNetwork the Istio network name
     * @param accountId   the AWS account the region deploys into
     */
    public record Identity(Output<String> stack, Output<String> region, Output<String> zone, Output<Integer> joinOrder,
                           Output<String> meshNetwork, Output<String> accountId) {
    }

    /**
     * @param vpcId                 the VPC (resolves once its secondary CIDR blocks are associated)
     * @param vpcCidrs              primary then secondary CIDRs
     * @param availabilityZones     AZ names, in AZ-key order (az1, az2, ...)
     * @param publicSubnetIds       one per AZ, in AZ order
     * @param privateSubnetIds      one per AZ, in AZ order
     * @param isolatedSubnetIds     one per AZ, in AZ order
     * @param privateRouteTableIds  one per AZ, in AZ order: peer routes go here
     * @param isolatedRouteTableIds one per AZ, in AZ order
     */
    public record Network(Output<String> vpcId, Output<List<String>> vpcCidrs, Output<List<String>> availabilityZones,
                          Output<List<String>> publicSubnetIds, Output<List<String>> privateSubnetIds,
                          Output<List<String>> isolatedSubnetIds, Output<List<String>> privateRouteTableIds,
                          Output<List<String>> isolatedRouteTableIds) {
    }

    /**
     * @param transitGatewayId     the region's Transit Gateway
     * @param transitRouteTableId  its route table
     * @param transitGatewayAsn    its BGP ASN
     * @param peeringAttachmentIds peer region to the attachment of the link this region owns
     */
    public record Transit(Output<String> transitGatewayId, Output<String> transitRouteTableId,
                          Output<Integer> transitGatewayAsn, Output<Map<String, String>> peeringAttachmentIds) {
    }

    /**
     * @param clusterName                 the EKS cluster name
     * @param clusterEndpoint             its (private) API endpoint
     * @param clusterCertificateAuthority base64 PEM of its CA
     * @param oidcIssuerUrl               its OIDC issuer
     * @param oidcProviderArn             its IAM OIDC provider
     * @param clusterSecurityGroupId      the security group of the control plane and nodes
     * @param kubeconfig                  an exec-credential kubeconfig (secret)
     */
    public record Compute(Output<String> clusterName, Output<String> clusterEndpoint, Output<String> clusterCertificateAuthority,
                          Output<String> oidcIssuerUrl, Output<String> oidcProviderArn, Output<String> clusterSecurityGroupId,
                          Output<String> kubeconfig) {
    }

    /**
     * @param databaseEndpoints       domain to this region's cluster endpoint (the writer's takes writes)
     * @param databaseReaderEndpoints domain to this region's reader endpoint
     * @param databaseSecretArns      domain to this region's Secrets Manager secret with the connection details:
     *                                the owner's (rotated), or this region's replica of it
     * @param databaseMasterPasswords the domains this region owns, to their first master password (secret);
     *                                rotation replaces it: read the secret instead (nothing reads this now)
     * @param cacheEndpoints                domain to this region's cache primary endpoint
     * @param cacheGlobalReplicationGroupIds domain to its global datastore id (the regions that join use it)
     * @param cacheAuthTokens               domain to its cache AUTH token (secret)
     * @param bucketNames       domain to this region's bucket name
     * @param bucketArns        domain to this region's bucket ARN (later regions replicate into it)
     * @param bucketKmsKeyArns  domain to the key of this region's bucket (replicas written here use it)
     * @param dataAlarmTopicArn the region's replication alarm topic ("" if it holds no domain)
     * @param databaseRotationSecurityGroupIds the domains this region owns, to their master secret rotation's
     *                                         security group (later regions open PostgreSQL from it to their clusters)
     */
    public record Data(Output<Map<String, String>> databaseEndpoints, Output<Map<String, String>> databaseReaderEndpoints,
                       Output<Map<String, String>> databaseSecretArns, Output<Map<String, String>> databaseMasterPasswords,
                       Output<Map<String, String>> cacheEndpoints, Output<Map<String, String>> cacheGlobalReplicationGroupIds,
                       Output<Map<String, String>> cacheAuthTokens, Output<Map<String, String>> bucketNames,
                       Output<Map<String, String>> bucketArns, Output<Map<String, String>> bucketKmsKeyArns,
                       Output<String> dataAlarmTopicArn, Output<Map<String, String>> databaseRotationSecurityGroupIds) {
    }

    /**
     * @param meshClusterName             this cluster's name in the mesh (remote secrets are keyed by it)
     * @param meshRootCertPem             the mesh root CA certificate (PEM)
     * @param meshRootKeyPem              the root CA key, exported only by the region that generated the root
     *                                    (secret; "" elsewhere): later regions of the partition sign their
     *                                    intermediates with it
     * @param meshReaderToken             the istio-reader-service-account token (secret): later regions put it in
     *                                    their remote secret for this cluster
     * @param meshEastWestSecurityGroupId the east-west NLB's security group: later regions open it to their VPC
     * @param meshFailoverBounds          service to its worst-case failover seconds here
     */
    public record Mesh(Output<String> meshClusterName, Output<String> meshRootCertPem, Output<String> meshRootKeyPem,
                       Output<String> meshReaderToken, Output<String> meshEastWestSecurityGroupId,
                       Output<Map<String, String>> meshFailoverBounds) {
    }

    /**
     * @param kafkaName                  the Kafka cluster's name
     * @param kafkaBootstrap             host:port of its tls listener, inside the cluster (mutual TLS)
     * @param kafkaMirrorBootstrap       host:port of its mirror listener's internal NLB (SCRAM, for other regions' mirrors)
     * @param kafkaClusterCaCertPem      its cluster CA certificate (PEM)
     * @param kafkaMirrorSecurityGroupId the mirror NLBs' security group: later regions open it to their VPC
     */
    public record Events(Output<String> kafkaName, Output<String> kafkaBootstrap, Output<String> kafkaMirrorBootstrap,
                         Output<String> kafkaClusterCaCertPem, Output<String> kafkaMirrorSecurityGroupId) {
    }

    /**
     * Empty values ("", [], 0) when the fleet has no front door.
     *
     * @param trafficHostedZoneId          the public hosted zone of every record (the founding region's, when it made it)
     * @param trafficNameServers           the zone's name servers, exported by the region that created it: delegate to them
     * @param trafficHostname              the zone's API hostname this region serves
     * @param trafficRegionalHostname      this region's own hostname (what Route 53 checks)
     * @param trafficLoadBalancer          the region's ALB DNS name
     * @param trafficCertificateArn        the region's validated certificate
     * @param trafficWebAclArn             the region's web ACL
     * @param trafficHealthCheckId         the region's Route 53 health check
     * @param trafficFailoverBoundSeconds  worst-case seconds from the region failing to DNS answering without it
     */
    public record Traffic(Output<String> trafficHostedZoneId, Output<List<String>> trafficNameServers,
                          Output<String> trafficHostname, Output<String> trafficRegionalHostname,
                          Output<String> trafficLoadBalancer, Output<String> trafficCertificateArn,
                          Output<String> trafficWebAclArn, Output<String> trafficHealthCheckId,
                          Output<Integer> trafficFailoverBoundSeconds) {
    }

    /**
     * @param alertTopicArns  severity (critical, warning) to the region's paging topic
     * @param backupVaultName the region's AWS Backup vault ("" without a domain to back up)
     * @param backupVaultArn  its ARN: later regions of a domain copy their points into it
     * @param backupRoleArn   the role AWS Backup assumes there: the domain's second region's copy plan uses it
     */
    public record Operations(Output<Map<String, String>> alertTopicArns, Output<String> backupVaultName, Output<String> backupVaultArn,
                             Output<String> backupRoleArn) {
    }

    /** Every export name, in declaration order. */
    public static List<String> names() {
        var out = new ArrayList<String>();
        leaves(RegionOutputs.class, (name, type) -> out.add(name));
        return List.copyOf(out);
    }

    /** Exports every field under its name. */
    public void export(Context ctx) {
        exportRecord(this, ctx);
    }

    /** A peer's outputs, typed; a field the peer does not export (yet) reads as null. */
    public static RegionOutputs read(StackReference ref) {
        return construct(RegionOutputs.class, ref);
    }

    // ---- the one place that knows how a value crosses a stack boundary ----

    /** How an exported value comes back through a StackReference (numbers arrive as doubles). */
    private static Function<Object, Object> decoder(Type type) {
        if (type == String.class) {
            return v -> v instanceof Double d ? String.valueOf(d.longValue()) : String.valueOf(v);
        }
        if (type == Integer.class) {
            return v -> v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] == String.class) {
            return v -> ((List<?>) v).stream().map(String::valueOf).toList();
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class
                && p.getActualTypeArguments()[0] == String.class && p.getActualTypeArguments()[1] == String.class) {
            return v -> {
                var m = new LinkedHashMap<String, String>();
                ((Map<?, ?>) v).forEach((k, x) -> m.put(String.valueOf(k), String.valueOf(x)));
                return m;
            };
        }
        throw new IllegalStateException("RegionOutputs: no decoder for " + type
                + "; use String, Integer, List<String> or Map<String, String>, or add a decoder here");
    }

    private interface Leaf {
        void accept(String name, Type valueType);
    }

    private static void leaves(Class<?> record, Leaf leaf) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getType().isRecord()) {
                leaves(c.getType(), leaf);
            } else {
                leaf.accept(c.getName(), valueType(c));
            }
        }
    }

    private static Type valueType(RecordComponent c) {
        if (c.getType() != Output.class || !(c.getGenericType() instanceof ParameterizedType p)) {
            throw new IllegalStateException("RegionOutputs: " + c.getName() + " must be an Output<T> or a group record");
        }
        return p.getActualTypeArguments()[0];
    }

    private static void exportRecord(Record value, Context ctx) {
        try {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                var v = c.getAccessor().invoke(value);
                if (c.getType().isRecord()) {
                    exportRecord((Record) v, ctx);
                } else {
                    if (v == null) {
                        throw new IllegalStateException("RegionOutputs: " + c.getName() + " is not set");
                    }
                    ctx.export(c.getName(), (Output<?>) v);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <R extends Record> R construct(Class<R> type, StackReference ref) {
        var components = type.getRecordComponents();
        var values = new Object[components.length];
        var types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            var c = components[i];
            types[i] = c.getType();
            if (c.getType().isRecord()) {
                values[i] = construct(c.getType().asSubclass(Record.class), ref);
            } else {
                var decode = decoder(valueType(c));
                // A peer deployed before a field existed lacks it: null, not a failed program. Only a
                // layer that uses the field needs the peer redeployed first (rollout order does that).
                values[i] = ref.output(c.getName()).applyValue(v -> v == null ? null : decode.apply(v));
            }
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
