package io.acgs2.components.data;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.command.LocalCommand;
import io.acgs2.components.command.LocalCommandArgs;

import java.util.List;
import java.util.Map;

/**
 * This region's replica of a secret whose primary lives in an earlier region (the data domain's
 * Aurora master secret), encrypted with this region's key. Secrets Manager keeps it in sync with
 * every rotation, and it stays readable here when the primary's region is down (promote it with
 * {@code aws secretsmanager stop-replication-to-replica}).
 *
 * <p>The later region owns the link: a replica is an attribute of the primary secret in the AWS API
 * and in the provider (there is no replica resource: terraform-provider-aws issue 32467), and
 * declaring it on the owner's secret would change the owner's stack whenever a region joins. So
 * this stack adds and removes its own region with Secrets Manager's ReplicateSecretToRegions and
 * RemoveRegionsFromReplication (a {@link LocalCommand} running the AWS CLI, which a deployment
 * already needs for {@code aws eks get-token}); the owner's secret declares no replicas, and the
 * provider reads them as computed, so the owner's stack shows no diff. Both commands are
 * idempotent. {@code --force-overwrite-replica-secret} turns a per-region copy of the same name
 * (what earlier versions of this program made) into the replica.
 */
public class SecretReplica extends ComponentResource {

    public static final String TYPE = "acgs2:data:SecretReplica";

    /** The status of this region's replica, or "None" (JMESPath over describe-secret). */
    static final String STATUS = "status() { aws secretsmanager describe-secret --region \"$PRIMARY_REGION\" "
            + "--secret-id \"$SECRET_ARN\" --query \"ReplicationStatus[?Region=='$REPLICA_REGION'].Status | [0]\" --output text; }\n";
    static final String CREATE = "set -eu\n" + STATUS
            + "if [ \"$(status)\" = None ]; then\n"
            + "  aws secretsmanager replicate-secret-to-regions --region \"$PRIMARY_REGION\" --secret-id \"$SECRET_ARN\" "
            + "--add-replica-regions \"Region=$REPLICA_REGION,KmsKeyId=$KMS_KEY_ARN\" --force-overwrite-replica-secret >/dev/null\n"
            + "fi\n"
            + "i=0\n"
            + "while [ $i -lt 60 ]; do\n"
            + "  case \"$(status)\" in\n"
            + "    InSync) exit 0 ;;\n"
            + "    Failed) echo \"replica of $SECRET_ARN in $REPLICA_REGION failed (aws secretsmanager describe-secret shows why)\" >&2; exit 1 ;;\n"
            + "  esac\n"
            + "  i=$((i + 1)); sleep 5\n"
            + "done\n"
            + "echo \"replica of $SECRET_ARN in $REPLICA_REGION is not in sync after 5 minutes\" >&2; exit 1\n";
    static final String DELETE = "set -eu\n" + STATUS
            + "if [ \"$(status)\" != None ]; then\n"
            + "  aws secretsmanager remove-regions-from-replication --region \"$PRIMARY_REGION\" --secret-id \"$SECRET_ARN\" "
            + "--remove-replica-regions \"$REPLICA_REGION\" >/dev/null\n"
            + "fi\n";

    /** The replica's ARN: the primary's, in this region. */
    public final Output<String> arn;

    public SecretReplica(String name, SecretReplicaArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var environment = Output.tuple(args.primarySecretArn(), args.kmsKeyArn()).applyValue(t -> Map.of(
                "SECRET_ARN", t.t1, "PRIMARY_REGION", args.primaryRegion(), "REPLICA_REGION", args.region(), "KMS_KEY_ARN", t.t2));
        new LocalCommand(name + "-replicate", LocalCommandArgs.builder()
                .create(CREATE)
                .update(CREATE)
                .delete(DELETE)
                .environment(environment)
                .interpreter(List.of("/bin/sh", "-c"))
                .build(), CustomResourceOptions.builder().parent(this)
                // the region's copy of the master credentials: removed only on purpose
                .protect(true).build());
        this.arn = args.primarySecretArn().applyValue(a -> replicaArn(a, args.primaryRegion(), args.region()));
        this.registerOutputs(Map.of("arn", arn));
    }

    /** A replica keeps the primary's ARN with its own region. */
    static String replicaArn(String primaryArn, String primaryRegion, String region) {
        var from = ":secretsmanager:" + primaryRegion + ":";
        if (!primaryArn.contains(from)) {
            throw new IllegalArgumentException("'" + primaryArn + "' is not a Secrets Manager ARN in " + primaryRegion);
        }
        return primaryArn.replace(from, ":secretsmanager:" + region + ":");
    }
}
