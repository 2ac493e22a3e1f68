package io.acgs2.components.common;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ProviderResource;

/**
 * Facts about the account and region a provider deploys into, looked up once per stack and passed
 * down to every component that writes ARNs or policies (terraform-aws-modules' "pass values through
 * to reduce GET requests").
 *
 * @param accountId the AWS account id
 * @param partition aws, aws-cn or aws-us-gov
 * @param region    the region name
 * @param callerArn the identity running the deployment (an assumed-role session ARN for a role)
 */
public record AwsFacts(Output<String> accountId, Output<String> partition, Output<String> region, Output<String> callerArn) {

    public static AwsFacts lookUp(ProviderResource provider) {
        var invoke = new InvokeOptions(null, provider, null);
        var identity = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), invoke);
        return new AwsFacts(
                identity.applyValue(r -> r.accountId()),
                AwsFunctions.getPartition(GetPartitionArgs.builder().build(), invoke).applyValue(r -> r.partition()),
                AwsFunctions.getRegion(GetRegionArgs.builder().build(), invoke).applyValue(r -> r.name()),
                identity.applyValue(r -> r.arn()));
    }
}
