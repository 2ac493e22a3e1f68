// Kubernetes and mesh rules of the baseline (policies/README.md, "Kubernetes and mesh").
import { Policies } from "@pulumi/policy";

import { asArray, dependsOn, get, isTrue, isUnknown, ofType, resourcePolicy, StackRes, stackPolicy } from "./util";

export const T = {
    peerAuthentication: "kubernetes:security.istio.io/v1:PeerAuthentication",
    peerAuthenticationV1beta1: "kubernetes:security.istio.io/v1beta1:PeerAuthentication",
    destinationRule: "kubernetes:networking.istio.io/v1:DestinationRule",
    virtualService: "kubernetes:networking.istio.io/v1:VirtualService",
    kafka: "kubernetes:kafka.strimzi.io/v1:Kafka",
    kafkaTopic: "kubernetes:kafka.strimzi.io/v1:KafkaTopic",
    subnet: "aws:ec2/subnet:Subnet",
    deployment: "kubernetes:apps/v1:Deployment",
    statefulSet: "kubernetes:apps/v1:StatefulSet",
    job: "kubernetes:batch/v1:Job",
    cronJob: "kubernetes:batch/v1:CronJob",
    namespace: "kubernetes:core/v1:Namespace",
    networkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
} as const;

export const WORKLOAD_TYPES: readonly string[] = [T.deployment, T.statefulSet, T.job, T.cronJob];

/** The pod spec of a workload (CronJob: spec.jobTemplate.spec.template.spec). */
export function podSpecOf(type: string, props: any): any {
    return type === T.cronJob ? get(props, "spec.jobTemplate.spec.template.spec") : get(props, "spec.template.spec");
}

/** Every container of a pod spec (init, regular, ephemeral), skipping unknown entries. */
export function containersOf(pod: any): any[] {
    return ["initContainers", "containers", "ephemeralContainers"]
        .flatMap(k => (isUnknown(pod?.[k]) ? [] : asArray(pod?.[k])))
        .filter(c => c && !isUnknown(c));
}

const DEFAULT_ROOT_NAMESPACE = "istio-system";
const WEAK_MTLS_MODES = ["DISABLE", "PERMISSIVE"];

function isEmptySelector(sel: any): boolean {
    if (sel === undefined || sel === null) {
        return true;
    }
    if (isUnknown(sel) || typeof sel !== "object") {
        return false;
    }
    return Object.keys(sel.matchLabels ?? {}).length === 0 && asArray(sel.matchExpressions).length === 0;
}

export const meshStrictMtls = stackPolicy({
    name: "mesh-strict-mtls",
    description: "The mesh enforces STRICT mTLS: a PeerAuthentication without selector in the Istio root namespace with " +
        "mtls.mode STRICT, and no PeerAuthentication anywhere in DISABLE or PERMISSIVE mode (Istio security best practices).",
    configSchema: {
        properties: {
            rootNamespace: { type: "string", description: "Istio root namespace.", default: DEFAULT_ROOT_NAMESPACE },
        },
    },
    check: (resources, args, report) => {
        // A cluster is a mesh once Istio is installed (its Helm charts) or any Istio object exists;
        // a cluster before the mesh layer (an istio-system namespace only) has no mTLS to enforce yet.
        const istioCharts = ["base", "istiod", "gateway"];
        const mesh = resources.some(r => /^kubernetes:[a-z0-9.-]*istio\.io\//.test(r.type) ||
            (r.type === "kubernetes:helm.sh/v3:Release" && istioCharts.includes(String(get(r.props, "chart")))) ||
            (r.type === "kubernetes:helm.sh/v3:Release" && isUnknown(get(r.props, "chart"))));
        if (!mesh) {
            args.notApplicable("No Istio in the stack");
        }
        const root = args.getConfig<{ rootNamespace?: string }>().rootNamespace ?? DEFAULT_ROOT_NAMESPACE;
        const pas = ofType(resources, T.peerAuthentication, T.peerAuthenticationV1beta1);
        const meshWide = pas.filter(pa => {
            const ns = get(pa.props, "metadata.namespace");
            const mode = get(pa.props, "spec.mtls.mode");
            return (ns === root || isUnknown(ns)) && isEmptySelector(get(pa.props, "spec.selector")) &&
                (mode === "STRICT" || isUnknown(mode));
        });
        if (meshWide.length === 0) {
            report(`No mesh-wide STRICT mTLS: add a ${T.peerAuthentication} in namespace ${root} without selector ` +
                "and spec.mtls.mode STRICT.");
        }
        for (const pa of pas) {
            const modes = [get(pa.props, "spec.mtls.mode")];
            const ports = get(pa.props, "spec.portLevelMtls");
            if (ports && typeof ports === "object" && !isUnknown(ports)) {
                modes.push(...Object.keys(ports).map(k => get(ports[k], "mode")));
            }
            const weak = modes.filter(m => typeof m === "string" && WEAK_MTLS_MODES.includes(m));
            if (weak.length > 0) {
                report(`PeerAuthentication ${pa.name} weakens mTLS to ${weak.join(", ")}: use STRICT.`, pa.urn);
            }
        }
    },
});

export const localityFailoverNeedsOutlierDetection = resourcePolicy({
    name: "locality-failover-needs-outlier-detection",
    description: "A DestinationRule that sets loadBalancer.localityLbSetting also sets outlierDetection, without which " +
        "locality failover never triggers (Istio locality failover docs).",
    types: [T.destinationRule],
    check: (p, _args, report) => {
        const top = get(p, "spec.trafficPolicy");
        const policies: [string, any][] = [["spec.trafficPolicy", top]];
        asArray(get(p, "spec.subsets")).forEach((s, i) => policies.push([`spec.subsets[${i}].trafficPolicy`, get(s, "trafficPolicy")]));
        for (const [where, tp] of [...policies]) {
            asArray(get(tp, "portLevelSettings")).forEach((pl, i) => policies.push([`${where}.portLevelSettings[${i}]`, pl]));
        }
        for (const [where, tp] of policies) {
            const lls = get(tp, "loadBalancer.localityLbSetting");
            if (lls === undefined || lls === null || isUnknown(lls) || get(lls, "enabled") === false) {
                continue;
            }
            const od = get(tp, "outlierDetection") ?? get(top, "outlierDetection");
            if (od === undefined || od === null) {
                report(`${where} sets loadBalancer.localityLbSetting without outlierDetection: add ${where}.outlierDetection.`);
            }
        }
    },
});

export const DEFAULT_FAILOVER_TARGET_SECONDS = 30;
/** Istio's defaults when a DestinationRule leaves them unset. */
const ISTIO_CONNECT_TIMEOUT_SECONDS = 10;
const ISTIO_CONSECUTIVE_5XX = 5;
const ISTIO_MAX_EJECTION_PERCENT = 10;

/** Seconds of an Istio duration ("250ms", "3s", "1.5s", "2m", "1h"); undefined if it is not one. */
export function durationSeconds(d: unknown): number | undefined {
    if (typeof d !== "string") {
        return undefined;
    }
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(d.trim());
    if (!m) {
        return undefined;
    }
    const n = Number(m[1]);
    return m[2] === "ms" ? n / 1000 : m[2] === "s" ? n : m[2] === "m" ? n * 60 : n * 3600;
}

/**
 * The worst-case seconds, under continuous traffic, from every endpoint of a locality failing to no
 * request going there: Envoy ejects a host inline on its Nth consecutive error, and each failed
 * attempt lasts at most max(connect timeout, per-try timeout). The same formula as the program's
 * TrafficPolicy.bound (io.acgs2.components.mesh).
 */
export function failoverBound(consecutiveErrors: number, connectTimeoutSeconds: number, perTryTimeoutSeconds: number): number {
    return consecutiveErrors * Math.max(connectTimeoutSeconds, perTryTimeoutSeconds);
}

export const failoverBoundWithinTarget = stackPolicy({
    name: "failover-bound-within-target",
    description: "A DestinationRule with locality load balancing leaves a failed region within the target (config " +
        "targetSeconds, default 30): consecutive-error ejection on, maxEjectionPercent 100, and consecutive errors × " +
        "max(connect timeout, the VirtualService's per-try timeout) within the target (Istio locality failover and Envoy " +
        "outlier detection docs).",
    configSchema: {
        properties: {
            targetSeconds: { type: "number", description: "The failover bound every service must keep.", default: DEFAULT_FAILOVER_TARGET_SECONDS },
        },
    },
    check: (resources, args, report) => {
        const target = args.getConfig<{ targetSeconds?: number }>().targetSeconds ?? DEFAULT_FAILOVER_TARGET_SECONDS;
        const drs = ofType(resources, T.destinationRule).filter(dr => {
            const lls = get(dr.props, "spec.trafficPolicy.loadBalancer.localityLbSetting");
            return lls !== undefined && lls !== null && !isUnknown(lls) && get(lls, "enabled") !== false;
        });
        if (drs.length === 0) {
            args.notApplicable("No DestinationRule with locality load balancing in the stack");
        }
        const vss = ofType(resources, T.virtualService);
        for (const dr of drs) {
            const host = get(dr.props, "spec.host");
            const od = get(dr.props, "spec.trafficPolicy.outlierDetection");
            if (isUnknown(host) || isUnknown(od) || od === undefined || od === null) {
                continue; // locality-failover-needs-outlier-detection reports a missing outlierDetection
            }
            const name = `DestinationRule ${dr.name} (${host})`;
            const gateway = get(od, "consecutiveGatewayErrors");
            const fivexx = get(od, "consecutive5xxErrors") ?? ISTIO_CONSECUTIVE_5XX;
            const counts = [gateway, fivexx].filter((n): n is number => typeof n === "number" && n > 0);
            if ([gateway, fivexx].some(isUnknown)) {
                continue;
            }
            if (counts.length === 0) {
                report(`${name} ejects on no consecutive errors: a failed region is never left; set outlierDetection.consecutiveGatewayErrors, e.g. 3.`, dr.urn);
                continue;
            }
            const maxEjection = get(od, "maxEjectionPercent") ?? ISTIO_MAX_EJECTION_PERCENT;
            if (!isUnknown(maxEjection) && maxEjection !== 100) {
                report(`${name} has maxEjectionPercent ${maxEjection}: a whole region can never be ejected (below ${Math.ceil(100 / Math.max(1, maxEjection))} hosts not even one); set it to 100.`, dr.urn);
            }
            const ctRaw = get(dr.props, "spec.trafficPolicy.connectionPool.tcp.connectTimeout");
            if (isUnknown(ctRaw)) {
                continue;
            }
            const connect = ctRaw === undefined ? ISTIO_CONNECT_TIMEOUT_SECONDS : durationSeconds(ctRaw);
            const routes = vss.filter(vs => asArray(get(vs.props, "spec.hosts")).includes(host))
                .flatMap(vs => asArray(get(vs.props, "spec.http")));
            if (routes.some(r => isUnknown(r))) {
                continue;
            }
            const tries = routes.map(r => durationSeconds(get(r, "retries.perTryTimeout")) ?? durationSeconds(get(r, "timeout")));
            if (connect === undefined) {
                report(`${name} has connectTimeout ${ctRaw}, not a duration: write e.g. 1000ms.`, dr.urn);
                continue;
            }
            if (tries.length === 0 || tries.some(t => t === undefined)) {
                report(`${name}: no VirtualService route for it sets retries.perTryTimeout (or a timeout), so an attempt to a region ` +
                    "that stops answering never ends and the region is never left: add a VirtualService with retries.perTryTimeout.", dr.urn);
                continue;
            }
            const perTry = Math.max(...(tries as number[]));
            const n = Math.min(...counts);
            const bound = failoverBound(n, connect, perTry);
            if (bound > target) {
                report(`${name} leaves a failed region in up to ${Number(bound.toFixed(3))} s (${n} consecutive errors × ` +
                    `max(${connect} s connect, ${perTry} s per try)), over the ${target} s target: lower the errors or the timeouts.`, dr.urn);
            }
        }
    },
});

export const kafkaTlsOnly = resourcePolicy({
    name: "kafka-tls-only",
    description: "Every listener of a Strimzi Kafka is TLS, with authentication, and authorization is on (Checkov CKV_AWS_81 for " +
        "MSK in-transit encryption; Strimzi security docs).",
    types: [T.kafka],
    check: (p, _args, report) => {
        const listeners = get(p, "spec.kafka.listeners");
        if (isUnknown(listeners)) {
            return;
        }
        asArray(listeners).forEach((l, i) => {
            const name = get(l, "name") ?? `#${i}`;
            if (!isTrue(get(l, "tls")) && !isUnknown(get(l, "tls"))) {
                report(`Listener ${name} is plaintext: set tls: true.`);
            }
            const auth = get(l, "authentication.type");
            if (auth === undefined || auth === null) {
                report(`Listener ${name} has no authentication: set authentication.type (tls or scram-sha-512).`);
            }
        });
        const authz = get(p, "spec.kafka.authorization.type");
        if (authz === undefined || authz === null) {
            report("Kafka has no authorization: set spec.kafka.authorization.type, e.g. simple.");
        }
    },
});

export const kafkaTopicReplication = stackPolicy({
    name: "kafka-topic-replication",
    description: "In a region with 3 or more AZs (its subnets' AZs), no KafkaTopic has fewer than 3 replicas (acgs2 baseline; " +
        "Kafka durability guidance).",
    check: (resources, args, report) => {
        const topics = ofType(resources, T.kafkaTopic);
        if (topics.length === 0) {
            args.notApplicable("No KafkaTopic in the stack");
        }
        const azs = new Set(ofType(resources, T.subnet).map(s => s.props.availabilityZone).filter(a => typeof a === "string" && !isUnknown(a)));
        if (azs.size < 3) {
            return;
        }
        for (const t of topics) {
            const replicas = get(t.props, "spec.replicas");
            if (typeof replicas === "number" && replicas < 3) {
                report(`KafkaTopic ${t.name} has ${replicas} replicas in a region of ${azs.size} AZs: set spec.replicas to 3 so losing an ` +
                    "AZ loses no data.", t.urn);
            }
        }
    },
});

export const podSecurityRestricted = resourcePolicy({
    name: "pod-security-restricted",
    description: "Workloads meet the Restricted pod security standard: runAsNonRoot, no privilege escalation, all " +
        "capabilities dropped, read-only root filesystem, RuntimeDefault seccomp, no privileged containers or host " +
        "namespaces (Pod Security Standards Restricted; Checkov CKV_K8S_20, CKV_K8S_22, CKV_K8S_23, CKV_K8S_37; " +
        "Trivy KSV-0001, KSV-0003, KSV-0014).",
    types: WORKLOAD_TYPES,
    check: (p, args, report) => {
        const pod = podSpecOf(args.type, p);
        if (pod === undefined || pod === null || isUnknown(pod)) {
            return;
        }
        for (const h of ["hostNetwork", "hostPID", "hostIPC"]) {
            if (isTrue(pod[h])) {
                report(`Pod uses the host namespace ${h}: remove ${h}.`);
            }
        }
        const podSc = isUnknown(pod.securityContext) ? undefined : pod.securityContext ?? {};
        for (const c of containersOf(pod)) {
            const sc = c.securityContext;
            if (isUnknown(sc) || podSc === undefined) {
                continue;
            }
            const name = `Container ${c.name ?? "(unnamed)"}`;
            const nonRoot = get(sc, "runAsNonRoot") ?? podSc.runAsNonRoot;
            if (!isTrue(nonRoot) && !isUnknown(nonRoot)) {
                report(`${name} may run as root: set securityContext.runAsNonRoot: true (pod or container).`);
            }
            const ape = get(sc, "allowPrivilegeEscalation");
            if (ape !== false && !isUnknown(ape)) {
                report(`${name} allows privilege escalation: set securityContext.allowPrivilegeEscalation: false.`);
            }
            const drop = get(sc, "capabilities.drop");
            if (!isUnknown(drop) && !asArray(drop).includes("ALL")) {
                report(`${name} keeps Linux capabilities: set securityContext.capabilities.drop: ["ALL"].`);
            }
            const ro = get(sc, "readOnlyRootFilesystem");
            if (!isTrue(ro) && !isUnknown(ro)) {
                report(`${name} has a writable root filesystem: set securityContext.readOnlyRootFilesystem: true.`);
            }
            const seccomp = get(sc, "seccompProfile.type") ?? get(podSc, "seccompProfile.type");
            if (seccomp !== "RuntimeDefault" && !isUnknown(seccomp)) {
                report(`${name} has no RuntimeDefault seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault.`);
            }
            if (isTrue(get(sc, "privileged"))) {
                report(`${name} is privileged: remove securityContext.privileged.`);
            }
        }
    },
});

export const containerResourcesSet = resourcePolicy({
    name: "container-resources-set",
    description: "Every container sets CPU and memory requests and limits (Checkov CKV_K8S_10-13; Trivy KSV-0011, KSV-0015, " +
        "KSV-0016, KSV-0018).",
    types: WORKLOAD_TYPES,
    check: (p, args, report) => {
        const pod = podSpecOf(args.type, p);
        if (pod === undefined || pod === null || isUnknown(pod)) {
            return;
        }
        for (const c of containersOf(pod)) {
            if (isUnknown(c.resources)) {
                continue;
            }
            const missing = ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]
                .filter(k => {
                    const v = get(c.resources, k);
                    return (v === undefined || v === null || v === "") && !isUnknown(v);
                });
            if (missing.length > 0) {
                report(`Container ${c.name ?? "(unnamed)"} has no resources.${missing.join(", resources.")}: set them.`);
            }
        }
    },
});

/** The namespace a resource's metadata names, or undefined. */
function namespaceName(r: StackRes): any {
    return get(r.props, "metadata.name");
}

export function isDefaultDeny(np: StackRes): boolean {
    const spec = get(np.props, "spec");
    if (isUnknown(spec)) {
        return true;
    }
    const types = asArray(get(spec, "policyTypes"));
    return isEmptySelector(get(spec, "podSelector")) && get(spec, "podSelector") !== undefined &&
        types.includes("Ingress") && types.includes("Egress") &&
        asArray(get(spec, "ingress")).length === 0 && asArray(get(spec, "egress")).length === 0;
}

export const namespaceDefaultDeny = stackPolicy({
    name: "namespace-default-deny",
    description: "Every namespace the program creates has a default-deny NetworkPolicy: podSelector {} with policyTypes " +
        "Ingress and Egress and no rules (CIS EKS 4.3.2).",
    check: (resources, args, report) => {
        const namespaces = ofType(resources, T.namespace);
        if (namespaces.length === 0) {
            args.notApplicable("No kubernetes:core/v1:Namespace in the stack");
        }
        const nps = ofType(resources, T.networkPolicy);
        for (const ns of namespaces) {
            const name = namespaceName(ns);
            const inNs = nps.filter(np => {
                const target = get(np.props, "metadata.namespace");
                return (typeof name === "string" && !isUnknown(name) && target === name) || dependsOn(np, ns);
            });
            if (!inNs.some(isDefaultDeny)) {
                report(`Namespace ${typeof name === "string" && !isUnknown(name) ? name : ns.name} has no default-deny ` +
                    "NetworkPolicy: add one with podSelector: {}, policyTypes: [Ingress, Egress] and no rules.", ns.urn);
            }
        }
    },
});

/** Why an image reference is not pinned, or undefined when it is. */
export function imagePinProblem(image: unknown): string | undefined {
    if (typeof image !== "string" || isUnknown(image)) {
        return undefined;
    }
    if (/@sha256:[0-9a-f]{64}$/.test(image)) {
        return undefined;
    }
    const lastSegment = image.substring(image.lastIndexOf("/") + 1);
    const colon = lastSegment.indexOf(":");
    if (colon < 0) {
        return "has no tag (defaults to latest)";
    }
    const tag = lastSegment.substring(colon + 1);
    return tag === "latest" || tag === "" ? "uses the latest tag" : undefined;
}

export const imagesPinned = resourcePolicy({
    name: "images-pinned",
    description: "Container images are pinned to a version or digest, never latest (Checkov CKV_K8S_14, CKV_K8S_43).",
    types: WORKLOAD_TYPES,
    check: (p, args, report) => {
        const pod = podSpecOf(args.type, p);
        if (pod === undefined || pod === null || isUnknown(pod)) {
            return;
        }
        for (const c of containersOf(pod)) {
            const problem = imagePinProblem(c.image);
            if (problem) {
                report(`Container ${c.name ?? "(unnamed)"} image ${c.image} ${problem}: pin a version tag or @sha256 digest.`);
            }
        }
    },
});

export const kubernetesPolicies: Policies = [
    meshStrictMtls,
    localityFailoverNeedsOutlierDetection,
    failoverBoundWithinTarget,
    kafkaTlsOnly,
    kafkaTopicReplication,
    podSecurityRestricted,
    containerResourcesSet,
    namespaceDefaultDeny,
    imagesPinned,
];
