package io.acgs2.stacks.layers;

import com.pulumi.aws.lb.LbFunctions;
import com.pulumi.aws.lb.inputs.GetHostedZoneIdArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.acgs2.components.mesh.ServiceSpec;
import io.acgs2.components.network.CidrPlan;
import io.acgs2.components.network.SubnetTier;
import io.acgs2.components.platform.ClusterBaseline;
import io.acgs2.components.tls.TlsProvider;
import io.acgs2.components.traffic.FrontDoorSettings;
import io.acgs2.components.traffic.IngressGateway;
import io.acgs2.components.traffic.IngressGatewayArgs;
import io.acgs2.components.traffic.IngressRoutes;
import io.acgs2.components.traffic.IngressRoutesArgs;
import io.acgs2.components.traffic.PublicCertificate;
import io.acgs2.components.traffic.PublicCertificateArgs;
import io.acgs2.components.traffic.PublicHostedZone;
import io.acgs2.components.traffic.PublicLoadBalancer;
import io.acgs2.components.traffic.PublicLoadBalancerArgs;
import io.acgs2.components.traffic.RegionalDns;
import io.acgs2.components.traffic.RegionalDnsArgs;
import io.acgs2.components.traffic.WebFirewall;
import io.acgs2.components.traffic.WebFirewallArgs;
import io.acgs2.stacks.RegionContext;
import io.acgs2.stacks.RegionOutputs;
import io.acgs2.stacks.config.DrainSection;
import io.acgs2.stacks.config.ServicesSection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The traffic layer of a region: its public front door, when the fleet has one (project config
 * {@code traffic}). The region serves its zone's hostname and its own: a certificate, a web ACL,
 * the ingress gateway and its routes (with residency at the edge), an internet-facing ALB, and its
 * records and health check. Every resource is the region's own; the zone hostname's certificate
 * validation record is written by the zone's earliest region, and a created hosted zone by the
 * founding region, so a region that joins adds only its own.
 *
 * @param frontDoor the front door's pieces here, empty without a front door
 */
public record TrafficLayer(Optional<FrontDoor> frontDoor) {

    public static final String ZONE = "acgs2-dns-zone";
    public static final String CERTIFICATE = "acgs2-front-door-cert";
    public static final String FIREWALL = "acgs2-front-door-waf";
    public static final String GATEWAY = "acgs2-ingress";
    public static final String ROUTES = "acgs2-ingress-routes";
    public static final String LOAD_BALANCER = "acgs2-front-door-alb";
    public static final String DNS = "acgs2-front-door-dns";

    /** The pieces of a region's front door. */
    public record FrontDoor(FrontDoorSettings settings, String hostname, String regionalHostname, Output<String> zoneId,
                            Optional<PublicHostedZone> createdZone, PublicCertificate certificate, WebFirewall firewall,
                            IngressGateway gateway, PublicLoadBalancer loadBalancer, RegionalDns dns) {
    }

    public static TrafficLayer deploy(RegionContext region, ComputeLayer compute, DataLayer data, MeshLayer mesh, ServicesLayer running) {
        var configured = region.frontDoor();
        if (configured.isEmpty()) {
            return new TrafficLayer(Optional.empty());
        }
        var f = configured.get();
        var self = region.spec();
        var fleet = region.fleet();
        var hostname = f.hostnameOf(self.zone()).orElseThrow();
        var regional = FrontDoorSettings.regionalHostname(self.region(), hostname);

        // ---- the hosted zone: an existing one, or the founding region's ----
        Optional<PublicHostedZone> created = Optional.empty();
        Output<String> zoneId;
        if (f.hostedZone().zoneId().isPresent()) {
            zoneId = Output.of(f.hostedZone().zoneId().get());
        } else if (self.founding()) {
            created = Optional.of(new PublicHostedZone(ZONE, f.hostedZone().domain(), region.inRegion()));
            zoneId = created.get().zoneId;
        } else {
            var founder = fleet.regions().stream().filter(r -> r.founding()).findFirst().orElseThrow();
            var peer = region.peer(founder.region()).orElseThrow();
            zoneId = peer.require(peer.outputs().traffic().trafficHostedZoneId(), "public hosted zone");
        }

        // ---- certificate and web ACL ----
        var earliestInZone = fleet.regions().stream().filter(r -> r.zone().equals(self.zone())).findFirst().orElseThrow();
        var certificate = new PublicCertificate(CERTIFICATE, PublicCertificateArgs.builder()
                .hostname(hostname)
                .regionalHostname(regional)
                .zoneId(zoneId)
                .ownsHostnameValidation(earliestInZone.region().equals(self.region()))
                .recordTtlSeconds(f.recordTtlSeconds())
                .build(), region.inRegion());
        var firewall = new WebFirewall(FIREWALL, WebFirewallArgs.builder()
                .region(self.region()).waf(f.waf()).facts(region.facts()).build(), region.inRegion());

        // ---- the gateway and what it answers ----
        var core = compute.cluster().core;
        var baseline = compute.baseline();
        var namespace = ClusterBaseline.INGRESS_NAMESPACE;
        var servicesNamespace = MeshLayer.servicesNamespace(compute);
        ServicesSection.Config services = fleet.settings().section(ServicesSection.SECTION);
        var after = new ArrayList<Resource>(baseline.ready);
        after.addAll(mesh.istio().ready);
        var tls = new TlsProvider("tls-ingress-" + self.region(), CustomResourceOptions.builder().build());
        var gateway = new IngressGateway(GATEWAY, IngressGatewayArgs.builder()
                .cluster(core)
                .namespace(namespace)
                .servicesNamespace(servicesNamespace)
                .hostnames(List.of(hostname, regional))
                .publicRanges(self.allCidrs().stream().map(c -> CidrPlan.range(c, SubnetTier.PUBLIC)).toList().subList(0, 1))
                .jwt(services.jwt())
                .after(after)
                .build(), ComponentResourceOptions.builder().providers(region.provider(), tls).build());
        var refused = new TreeMap<String, IngressRoutesArgs.Refused>();
        fleet.settings().tenants().values().forEach(t -> {
            var zone = fleet.settings().zones().get(t.zone());
            if (zone == null || !zone.regions().contains(self.region())) {
                refused.put(t.id(), new IngressRoutesArgs.Refused(t.zone(), f.hostnameOf(t.zone())));
            }
        });
        var routes = new ArrayList<IngressRoutesArgs.Route>();
        f.routes().forEach((prefix, app) -> {
            ServiceSpec spec = services.apps().get(app);
            // a tenant's own service runs only in its zone: routed only where it runs
            if (running.runs(app)) {
                routes.add(new IngressRoutesArgs.Route(prefix, spec));
            }
        });
        var routesAfter = new ArrayList<Resource>(gateway.ready);
        routesAfter.addAll(baseline.ready);
        new IngressRoutes(ROUTES, IngressRoutesArgs.builder()
                .cluster(core)
                .namespace(namespace)
                .servicesNamespace(servicesNamespace)
                .gatewayRef(gateway.gatewayRef)
                .region(self.region())
                .hostnames(List.of(hostname, regional))
                .routes(routes)
                .healthService(services.apps().get(f.healthCheck().service()))
                .healthPath(f.healthCheck().path())
                .refusedTenants(refused)
                .tenantHeader(services.tenantHeader())
                .tenantClaim(services.jwt().map(j -> services.tenantClaim()))
                .after(routesAfter)
                .build(), region.inRegion());

        // ---- the ALB, and DNS ----
        var logs = data.accessLogs().orElseThrow();
        var lbAfter = new ArrayList<Resource>(gateway.ready);
        baseline.loadBalancerController.ifPresent(lbAfter::add);
        lbAfter.add(logs.policy);
        var loadBalancer = new PublicLoadBalancer(LOAD_BALANCER, PublicLoadBalancerArgs.builder()
                .cluster(core)
                .region(self.region())
                .namespace(namespace)
                .serviceName(gateway.serviceName)
                .certificateArn(certificate.certificateArn)
                .webAclArn(firewall.webAclArn)
                .tlsPolicy(f.tlsPolicy())
                .dualstack(f.ipv6())
                .accessLogBucket(logs.bucketName)
                .accessLogPrefix(DataLayer.LOAD_BALANCER_LOGS)
                .after(lbAfter)
                .build(), region.inRegion());
        var albZone = LbFunctions.getHostedZoneId(GetHostedZoneIdArgs.builder().region(self.region())
                .loadBalancerType("application").build(), InvokeOptions.builder().provider(region.provider()).build())
                .applyValue(r -> r.id());
        var dns = new RegionalDns(DNS, RegionalDnsArgs.builder()
                .region(self.region())
                .hostname(hostname)
                .regionalHostname(regional)
                .zoneId(zoneId)
                .loadBalancerDnsName(loadBalancer.dnsName)
                .loadBalancerZoneId(albZone)
                .healthCheck(f.healthCheck())
                .drain(Boolean.TRUE.equals(self.section(DrainSection.SECTION)))
                .ipv6(f.ipv6())
                .metricsProvider(region.providerFor(RegionalDnsArgs.METRICS_REGION))
                .facts(region.facts())
                .build(), region.inRegion());
        return new TrafficLayer(Optional.of(new FrontDoor(f, hostname, regional, zoneId, created, certificate, firewall,
                gateway, loadBalancer, dns)));
    }

    /** The traffic part of the cross-stack contract (empty values without a front door). */
    public RegionOutputs.Traffic outputs() {
        return frontDoor.map(d -> new RegionOutputs.Traffic(d.zoneId(),
                d.createdZone().map(z -> z.nameServers).orElse(Output.of(List.of())),
                Output.of(d.hostname()), Output.of(d.regionalHostname()), d.loadBalancer().dnsName,
                d.certificate().certificateArn, d.firewall().webAclArn, d.dns().healthCheckId,
                Output.of(d.settings().healthCheck().failoverBoundSeconds())))
                .orElseGet(() -> new RegionOutputs.Traffic(Output.of(""), Output.of(List.of()), Output.of(""), Output.of(""),
                        Output.of(""), Output.of(""), Output.of(""), Output.of(""), Output.of(0)));
    }
}
