package io.acgs2.components.traffic;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.acm.inputs.CertificateOptionsArgs;
import com.pulumi.aws.acm.outputs.CertificateDomainValidationOption;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.common.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The region's ACM certificate for its front door: the zone's API hostname and the region's own
 * hostname, validated by DNS in the public hosted zone (ACM renews it by itself while the records
 * stay). The ALB in the same region serves it. The validation record of the region's own hostname
 * is this region's; the zone hostname's record is written once, by the zone's earliest region
 * ({@link PublicCertificateArgs#ownsHostnameValidation()}), and every later region's certificate
 * validates against it.
 */
public class PublicCertificate extends ComponentResource {

    public static final String TYPE = "acgs2:traffic:PublicCertificate";

    /** The certificate, once ACM has issued it (what the load balancer may use). */
    public final Output<String> certificateArn;

    public PublicCertificate(String name, PublicCertificateArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var inComponent = CustomResourceOptions.builder().parent(this).build();
        var certificate = new Certificate(name + "-cert", CertificateArgs.builder()
                .domainName(args.hostname())
                .subjectAlternativeNames(args.regionalHostname())
                .validationMethod("DNS")
                // RSA 2048: what every client and Route 53's health checkers accept
                .keyAlgorithm("RSA_2048")
                .options(CertificateOptionsArgs.builder().certificateTransparencyLoggingPreference("ENABLED").build())
                .tags(Tags.name(name + "-cert"))
                .build(), inComponent);
        var records = new ArrayList<Resource>();
        var fqdns = new ArrayList<Output<String>>();
        for (var entry : List.of(Map.entry("zone", args.hostname()), Map.entry("region", args.regionalHostname()))) {
            var option = certificate.domainValidationOptions().applyValue(list -> optionFor(list, entry.getValue()));
            var recordName = option.applyValue(o -> o.resourceRecordName().orElseThrow());
            fqdns.add(recordName.applyValue(PublicCertificate::withoutDot));
            if (entry.getKey().equals("region") || args.ownsHostnameValidation()) {
                records.add(new Record(name + "-validation-" + entry.getKey(), RecordArgs.builder()
                        .zoneId(args.zoneId())
                        .name(recordName)
                        // ACM's DNS validation is always a CNAME
                        .type("CNAME")
                        .records(option.applyValue(o -> List.of(o.resourceRecordValue().orElseThrow())))
                        .ttl(args.recordTtlSeconds())
                        .build(), inComponent));
            }
        }
        var validation = new CertificateValidation(name + "-validation", CertificateValidationArgs.builder()
                .certificateArn(certificate.arn())
                .validationRecordFqdns(Output.all(fqdns))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(records).build());
        this.certificateArn = validation.certificateArn();
        this.registerOutputs(Map.of("certificateArn", certificateArn));
    }

    /** The validation option ACM gives for {@code domain}. */
    static CertificateDomainValidationOption optionFor(List<CertificateDomainValidationOption> options, String domain) {
        return options.stream().filter(o -> o.domainName().orElse("").equals(domain)).findFirst().orElseThrow(() ->
                new IllegalStateException("ACM gave no DNS validation record for " + domain));
    }

    private static String withoutDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
