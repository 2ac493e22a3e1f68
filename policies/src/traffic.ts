// The front door's rules (policies/README.md, "Traffic"): nothing is public without WAF and TLS, a
// restricted zone's hostname never answers with a region outside the zone, and every latency record
// is health-checked. The conventions they read are the Load Balancer Controller's annotations and
// Route 53 records as the program writes them (policies/README.md).
import { Policies } from "@pulumi/policy";

import { asArray, get, isUnknown, ofType, residencyConfigSchema, StackRes, stackPolicy, resourcePolicy } from "./util";

export const T = {
    ingress: "kubernetes:networking.k8s.io/v1:Ingress",
    service: "kubernetes:core/v1:Service",
    lb: "aws:lb/loadBalancer:LoadBalancer",
    alb: "aws:alb/loadBalancer:LoadBalancer",
    wafAssociation: "aws:wafv2/webAclAssociation:WebAclAssociation",
    record: "aws:route53/record:Record",
} as const;

const ALB = "alb.ingress.kubernetes.io/";
const NLB_SCHEME = "service.beta.kubernetes.io/aws-load-balancer-scheme";
/** ALB security policies of TLS 1.2 and up (Elastic Load Balancing, "Security policies"). */
export const TLS12_POLICY = /^ELBSecurityPolicy-(TLS13-1-2|TLS-1-2|FS-1-2)/;

function annotationsOf(r: StackRes): Record<string, any> {
    const a = get(r.props, "metadata.annotations");
    return a && typeof a === "object" && !isUnknown(a) ? a : {};
}

/** Why a public Ingress is not behind WAF and TLS, or [] when it is. */
export function ingressProblems(annotations: Record<string, any>): string[] {
    const problems: string[] = [];
    const value = (k: string) => annotations[ALB + k];
    const missing = (k: string) => value(k) === undefined || value(k) === null || value(k) === "";
    if (missing("wafv2-acl-arn")) {
        problems.push(`no web ACL (${ALB}wafv2-acl-arn)`);
    }
    if (missing("certificate-arn")) {
        problems.push(`no certificate (${ALB}certificate-arn)`);
    }
    const ports = value("listen-ports");
    if (!isUnknown(ports)) {
        let listeners: any[] = [];
        try {
            listeners = ports === undefined ? [{ HTTP: 80 }] : JSON.parse(String(ports));
        } catch {
            problems.push(`${ALB}listen-ports is not JSON`);
        }
        const https = listeners.some(l => l && l.HTTPS !== undefined);
        const http = listeners.some(l => l && l.HTTP !== undefined);
        if (!https) {
            problems.push("no HTTPS listener");
        }
        if (http && missing("ssl-redirect")) {
            problems.push(`an HTTP listener that does not redirect to HTTPS (${ALB}ssl-redirect)`);
        }
    }
    const policy = value("ssl-policy");
    if (!isUnknown(policy) && (typeof policy !== "string" || !TLS12_POLICY.test(policy))) {
        problems.push(`TLS policy ${policy ?? "(the controller's default, TLS 1.0)"} allows less than TLS 1.2 (${ALB}ssl-policy)`);
    }
    return problems;
}

export const publicEndpointWafAndTls = stackPolicy({
    name: "public-endpoint-waf-and-tls",
    description: "No internet-facing load balancer without WAF and TLS: a public Ingress names a web ACL, a certificate, " +
        "HTTPS with HTTP only redirecting, and a TLS 1.2+ policy; a public ALB has a web ACL association; no internet-facing " +
        "NLB or LoadBalancer Service, since WAF attaches to ALBs only (Checkov CKV_AWS_2/103/192, CKV2_AWS_28).",
    check: (resources, _args, report) => {
        for (const ing of ofType(resources, T.ingress)) {
            const a = annotationsOf(ing);
            if (a[ALB + "scheme"] !== "internet-facing") {
                continue;
            }
            const problems = ingressProblems(a);
            if (problems.length > 0) {
                report(`Ingress ${ing.name} makes an internet-facing ALB with ${problems.join(", ")}.`, ing.urn);
            }
        }
        for (const svc of ofType(resources, T.service)) {
            if (get(svc.props, "spec.type") === "LoadBalancer" && annotationsOf(svc)[NLB_SCHEME] === "internet-facing") {
                report(`Service ${svc.name} asks for an internet-facing NLB, which no web ACL can protect: route it through the front door.`, svc.urn);
            }
        }
        const associations = ofType(resources, T.wafAssociation);
        for (const lb of ofType(resources, T.lb, T.alb)) {
            const internal = get(lb.props, "internal");
            if (internal === true || isUnknown(internal)) {
                continue;
            }
            const type = get(lb.props, "loadBalancerType") ?? "application";
            if (type !== "application") {
                report(`Load balancer ${lb.name} is an internet-facing ${type} load balancer, which no web ACL can protect.`, lb.urn);
            } else if (!associations.some(w => w.res.dependencies?.some(d => d.urn === lb.urn)
                || Object.values(w.res.propertyDependencies ?? {}).some(ds => (ds ?? []).some(d => d.urn === lb.urn)))) {
                report(`Load balancer ${lb.name} is internet-facing with no web ACL association.`, lb.urn);
            }
        }
    },
});

export const latencyRecordHasHealthCheck = resourcePolicy({
    name: "latency-record-has-health-check",
    description: "Every latency-routed Route 53 record has a health check, so a failed region leaves DNS: a record without " +
        "one is always healthy (acgs2; Route 53 routing policy docs).",
    types: [T.record],
    check: (p, args, report) => {
        const latency = asArray(p.latencyRoutingPolicies);
        if (latency.length === 0 || isUnknown(p.latencyRoutingPolicies)) {
            args.notApplicable("Not a latency-routed record");
        }
        const check = p.healthCheckId;
        if (!isUnknown(check) && (check === undefined || check === null || check === "")) {
            report(`Latency record ${p.name} (set ${p.setIdentifier}) has no health check: when its region fails, Route 53 keeps answering with it.`);
        }
    },
});

interface FrontDoorConfig {
    zones: Record<string, string[]>;
    restrictedZones: string[];
    hostnames?: Record<string, string>;
}

/** The regions a record answers with: its latency region, and the region in its alias target's name. */
export function recordRegions(props: any): string[] {
    const regions: string[] = [];
    for (const l of asArray(props.latencyRoutingPolicies)) {
        const r = get(l, "region");
        if (typeof r === "string" && !isUnknown(r)) {
            regions.push(r);
        }
    }
    for (const a of asArray(props.aliases)) {
        const m = /\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.elb\.amazonaws\.com\.?$/.exec(String(get(a, "name") ?? ""));
        if (m) {
            regions.push(m[1]);
        }
    }
    return regions;
}

function bare(name: unknown): string {
    return String(name ?? "").toLowerCase().replace(/\.$/, "");
}

export const dnsRecordStaysInZone = stackPolicy({
    name: "dns-record-stays-in-zone",
    description: "A restricted zone's hostname (and a region's own name under it) answers only with regions of the zone: no " +
        "record of it routes to, or aliases a load balancer in, a region outside (config: the zones and the front door's " +
        "hostnames, from `bin/acgs2 pack-config`). Route 53 answers with every record when all are unhealthy, so such a " +
        "record must never exist (acgs2).",
    configSchema: {
        properties: {
            ...residencyConfigSchema.properties,
            hostnames: {
                type: "object",
                description: "Zone name -> its API hostname (traffic.hostnames of Pulumi.yaml).",
                additionalProperties: { type: "string" },
                default: {},
            },
        },
        required: ["zones", "restrictedZones"],
    },
    check: (resources, args, report) => {
        const cfg = args.getConfig<FrontDoorConfig>();
        const hostnames = cfg.hostnames ?? {};
        const restricted = (cfg.restrictedZones ?? []).filter(z => hostnames[z] !== undefined);
        if (restricted.length === 0) {
            args.notApplicable("No restricted zone has a front door hostname");
        }
        for (const rec of ofType(resources, T.record)) {
            const name = get(rec.props, "name");
            if (isUnknown(name)) {
                continue;
            }
            const n = bare(name);
            for (const zone of restricted) {
                const host = bare(hostnames[zone]);
                if (n !== host && !n.endsWith("." + host)) {
                    continue;
                }
                const allowed = cfg.zones[zone] ?? [];
                for (const region of recordRegions(rec.props)) {
                    if (!allowed.includes(region)) {
                        report(`Record ${n} (zone ${zone}'s hostname ${host}) answers with ${region}, outside the zone ` +
                            `(${allowed.join(", ")}): restricted tenants' requests would leave it.`, rec.urn);
                    }
                }
            }
        }
    },
});

export const trafficPolicies: Policies = [
    publicEndpointWafAndTls,
    dnsRecordStaysInZone,
    latencyRecordHasHealthCheck,
];
