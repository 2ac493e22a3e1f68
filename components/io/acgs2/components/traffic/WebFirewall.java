package io.acgs2.components.traffic;

import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.acgs2.components.common.EncryptedLogGroup;
import io.acgs2.components.common.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The region's WAFv2 web ACL (scope REGIONAL, for its ALB): the AWS managed rule groups of
 * {@link WafSettings} in order, each as AWS ships it ({@code overrideAction: none}), then a
 * rate-based rule that blocks a client IP over {@link WafSettings#rateLimit()} requests in 5 minutes
 * (aggregated on the connection's source IP, which a client cannot forge, not on X-Forwarded-For).
 * Everything else is allowed. Every request is logged to a KMS-encrypted CloudWatch log group, with
 * the Authorization and Cookie headers redacted. The ALB's Ingress names the ACL, and the Load
 * Balancer Controller keeps it associated through any ALB re-create.
 */
public class WebFirewall extends ComponentResource {

    public static final String TYPE = "acgs2:traffic:WebFirewall";
    public static final String RATE_RULE = "rate-limit-per-ip";
    /** Headers that carry credentials: never in the WAF logs. */
    public static final List<String> REDACTED_HEADERS = List.of("authorization", "cookie");

    public final Output<String> webAclArn;

    public WebFirewall(String name, WebFirewallArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var rules = new ArrayList<WebAclRuleArgs>();
        var groups = args.waf().managedRuleGroups();
        for (int i = 0; i < groups.size(); i++) {
            rules.add(WebAclRuleArgs.builder()
                    .name(groups.get(i))
                    .priority(i)
                    .overrideAction(WebAclRuleOverrideActionArgs.builder().none(WebAclRuleOverrideActionNoneArgs.builder().build()).build())
                    .statement(WebAclRuleStatementArgs.builder().managedRuleGroupStatement(
                            WebAclRuleStatementManagedRuleGroupStatementArgs.builder().vendorName("AWS").name(groups.get(i)).build()).build())
                    .visibilityConfig(ruleVisibility(groups.get(i)))
                    .build());
        }
        rules.add(WebAclRuleArgs.builder()
                .name(RATE_RULE)
                .priority(groups.size())
                .action(WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder().rateBasedStatement(WebAclRuleStatementRateBasedStatementArgs.builder()
                        .limit(args.waf().rateLimit())
                        .aggregateKeyType("IP")
                        .evaluationWindowSec(300)
                        .build()).build())
                .visibilityConfig(ruleVisibility(RATE_RULE))
                .build());
        var acl = new WebAcl(name + "-acl", WebAclArgs.builder()
                .name(args.aclName())
                .description("Front door of " + args.region() + " (acgs2-infra): AWS managed rules and a per-IP rate limit")
                .scope("REGIONAL")
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .rules(rules)
                .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true).metricName(args.aclName()).sampledRequestsEnabled(true).build())
                .tags(Tags.name(name + "-acl"))
                .build(), CustomResourceOptions.builder().parent(this).build());
        var logs = EncryptedLogGroup.builder()
                .keyName(name + "-logs-key")
                .keyDescription("Encrypts the WAF logs of " + args.aclName())
                .aliasName("alias/acgs2/" + name + "/logs")
                .logGroupResourceName(name + "-logs")
                .logGroupName(args.logGroupName())
                .retentionDays(args.logRetentionDays())
                .facts(args.facts())
                .parent(this)
                .build();
        var redacted = REDACTED_HEADERS.stream().map(h -> WebAclLoggingConfigurationRedactedFieldArgs.builder()
                .singleHeader(WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs.builder().name(h).build()).build()).toList();
        new WebAclLoggingConfiguration(name + "-logging", WebAclLoggingConfigurationArgs.builder()
                .resourceArn(acl.arn())
                .logDestinationConfigs(logs.logGroup().arn().applyValue(List::of))
                .redactedFields(redacted)
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.webAclArn = acl.arn();
        this.registerOutputs(Map.of("webAclArn", webAclArn));
    }

    private static WebAclRuleVisibilityConfigArgs ruleVisibility(String metric) {
        return WebAclRuleVisibilityConfigArgs.builder().cloudwatchMetricsEnabled(true).metricName(metric)
                .sampledRequestsEnabled(true).build();
    }
}
