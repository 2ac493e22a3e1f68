import * as assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
    containerResourcesSet, durationSeconds, failoverBound, failoverBoundWithinTarget, imagesPinned, localityFailoverNeedsOutlierDetection,
    meshStrictMtls, namespaceDefaultDeny, podSecurityRestricted, T,
} from "../src/kubernetes";
import { check, checkStack, messages, mk, NotApplicable, U } from "./helpers";

const kms = mk("aws:kms/key:Key", "k", { enableKeyRotation: true });

export const goodContainer = {
    name: "api",
    image: "registry.example.com/acgs2/api:1.4.2",
    securityContext: {
        allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] },
    },
    resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
};
export const goodPod = {
    securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    containers: [goodContainer],
};
const deployment = (pod: any) => mk(T.deployment, "api", {
    apiVersion: "apps/v1", kind: "Deployment", metadata: { namespace: "acgs2" },
    spec: { selector: { matchLabels: { app: "api" } }, template: { metadata: { labels: { app: "api" } }, spec: pod } },
}, { region: null });
const cronJob = (pod: any) => mk(T.cronJob, "sweep", {
    spec: { schedule: "0 * * * *", jobTemplate: { spec: { template: { spec: pod } } } },
}, { region: null });
const container = (p: Record<string, any>) => ({ ...goodContainer, ...p });

describe("pod-security-restricted", () => {
    it("passes a restricted deployment", () => assert.deepEqual(check(podSecurityRestricted, deployment(goodPod)), []));
    it("fails an unrestricted CronJob pod", () => assert.deepEqual(check(podSecurityRestricted, cronJob({
        hostNetwork: true,
        containers: [container({ name: "sweep", securityContext: { privileged: true } })],
    })), [
        "Pod uses the host namespace hostNetwork: remove hostNetwork.",
        "Container sweep may run as root: set securityContext.runAsNonRoot: true (pod or container).",
        "Container sweep allows privilege escalation: set securityContext.allowPrivilegeEscalation: false.",
        "Container sweep keeps Linux capabilities: set securityContext.capabilities.drop: [\"ALL\"].",
        "Container sweep has a writable root filesystem: set securityContext.readOnlyRootFilesystem: true.",
        "Container sweep has no RuntimeDefault seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault.",
        "Container sweep is privileged: remove securityContext.privileged.",
    ]));
    it("does not apply to other types", () => assert.throws(() => check(podSecurityRestricted, kms), NotApplicable));
    it("accepts an unknown pod spec or security context", () => {
        assert.deepEqual(check(podSecurityRestricted, deployment(U)), []);
        assert.deepEqual(check(podSecurityRestricted, deployment({ ...goodPod, containers: [container({ securityContext: U })] })), []);
    });
});

describe("container-resources-set", () => {
    it("passes requests and limits", () => assert.deepEqual(check(containerResourcesSet, deployment(goodPod)), []));
    it("fails missing limits on an init container", () => assert.deepEqual(check(containerResourcesSet, deployment({
        ...goodPod, initContainers: [container({ name: "migrate", resources: { requests: { cpu: "100m", memory: "64Mi" } } })],
    })), ["Container migrate has no resources.limits.cpu, resources.limits.memory: set them."]));
    it("does not apply to other types", () => assert.throws(() => check(containerResourcesSet, kms), NotApplicable));
    it("accepts unknown resources", () => assert.deepEqual(check(containerResourcesSet,
        deployment({ containers: [container({ resources: U })] })), []));
});

describe("images-pinned", () => {
    it("passes tags and digests", () => assert.deepEqual(check(imagesPinned, deployment({ containers: [
        container({}), container({ name: "proxy", image: `envoyproxy/envoy@sha256:${"a".repeat(64)}` }),
        container({ name: "local", image: "localhost:5000/tool:2.0" }),
    ] })), []));
    it("fails latest and untagged images", () => assert.deepEqual(check(imagesPinned, deployment({ containers: [
        container({ image: "nginx:latest" }), container({ name: "side", image: "localhost:5000/sidecar" }),
    ] })), [
        "Container api image nginx:latest uses the latest tag: pin a version tag or @sha256 digest.",
        "Container side image localhost:5000/sidecar has no tag (defaults to latest): pin a version tag or @sha256 digest.",
    ]));
    it("does not apply to other types", () => assert.throws(() => check(imagesPinned, kms), NotApplicable));
    it("accepts an unknown image", () => assert.deepEqual(check(imagesPinned, deployment({ containers: [container({ image: U })] })), []));
});

describe("locality-failover-needs-outlier-detection", () => {
    const dr = (spec: any) => mk(T.destinationRule, "api-dr", { metadata: { namespace: "acgs2" }, spec: { host: "api", ...spec } }, { region: null });
    const lb = { localityLbSetting: { enabled: true, failover: [{ from: "us-east-1", to: "us-east-2" }] } };
    it("passes failover with outlier detection", () => assert.deepEqual(check(localityFailoverNeedsOutlierDetection,
        dr({ trafficPolicy: { loadBalancer: lb, outlierDetection: { consecutive5xxErrors: 5, interval: "10s", baseEjectionTime: "30s" } } })), []));
    it("fails failover without outlier detection, also in a subset", () => assert.deepEqual(check(localityFailoverNeedsOutlierDetection,
        dr({ trafficPolicy: { loadBalancer: lb }, subsets: [{ name: "v2", labels: { v: "2" }, trafficPolicy: { loadBalancer: lb } }] })), [
        "spec.trafficPolicy sets loadBalancer.localityLbSetting without outlierDetection: add spec.trafficPolicy.outlierDetection.",
        "spec.subsets[0].trafficPolicy sets loadBalancer.localityLbSetting without outlierDetection: add spec.subsets[0].trafficPolicy.outlierDetection.",
    ]));
    it("does not apply to other types", () => assert.throws(() => check(localityFailoverNeedsOutlierDetection, kms), NotApplicable));
    it("accepts an unknown locality setting", () => assert.deepEqual(check(localityFailoverNeedsOutlierDetection,
        dr({ trafficPolicy: { loadBalancer: { localityLbSetting: U } } })), []));
});

describe("failover-bound-within-target", () => {
    const host = "claude-flow.acgs2.svc.cluster.local";
    const dr = (od: any, connectTimeout: any = "1000ms") => mk(T.destinationRule, "cf-dr", { spec: { host, trafficPolicy: {
        connectionPool: connectTimeout === null ? undefined : { tcp: { connectTimeout } },
        outlierDetection: od, loadBalancer: { localityLbSetting: { enabled: true } } } } }, { region: null });
    const vs = (perTryTimeout: any, timeout = "10s") => mk(T.virtualService, "cf-vs", { spec: { hosts: [host],
        http: [{ timeout, retries: { attempts: 2, perTryTimeout } }] } }, { region: null });
    const good = { consecutiveGatewayErrors: 3, interval: "5s", maxEjectionPercent: 100, minHealthPercent: 0 };
    it("computes the bound as the program does, on a table of settings", () => {
        // [errors, connect s, per-try s, bound s]: the same table as the Java TrafficPolicyTest
        for (const [n, c, t, b] of [[3, 1, 3, 9], [3, 5, 2, 15], [5, 1, 1, 5], [1, 0.25, 0.5, 0.5], [3, 10, 10, 30], [5, 1, 8, 40]]) {
            assert.equal(failoverBound(n, c, t), b);
        }
        assert.deepEqual(["250ms", "3s", "1.5s", "2m", "1h", "3", 5].map(durationSeconds), [0.25, 3, 1.5, 120, 3600, undefined, undefined]);
    });
    it("passes the shipped settings (3 × 3 s = 9 s)", () => assert.deepEqual(checkStack(failoverBoundWithinTarget, [dr(good), vs("3000ms")]), []));
    it("fails a bound over the target, naming the arithmetic", () => assert.deepEqual(messages(checkStack(failoverBoundWithinTarget,
        [dr({ ...good, consecutiveGatewayErrors: 5 }), vs("8s")])), [
        `DestinationRule cf-dr (${host}) leaves a failed region in up to 40 s (5 consecutive errors × max(1 s connect, 8 s per try)), ` +
            "over the 30 s target: lower the errors or the timeouts."]));
    it("takes the target from the pack config", () => assert.deepEqual(checkStack(failoverBoundWithinTarget,
        [dr({ ...good, consecutiveGatewayErrors: 5 }), vs("8s")], { "failover-bound-within-target": { properties: { targetSeconds: 60 } } }), []));
    it("uses Istio's defaults for what the rule leaves unset: 5 errors, 10 s connect, 10% ejection", () => assert.deepEqual(
        messages(checkStack(failoverBoundWithinTarget, [dr({ interval: "10s" }, null), vs("3s")])), [
            `DestinationRule cf-dr (${host}) has maxEjectionPercent 10: a whole region can never be ejected (below 10 hosts not even one); set it to 100.`,
            `DestinationRule cf-dr (${host}) leaves a failed region in up to 50 s (5 consecutive errors × max(10 s connect, 3 s per try)), ` +
                "over the 30 s target: lower the errors or the timeouts."]));
    it("fails a rule without per-try timeout or with ejection switched off", () => {
        assert.match(messages(checkStack(failoverBoundWithinTarget, [dr(good)]))[0], /no VirtualService route for it sets retries.perTryTimeout/);
        assert.deepEqual(messages(checkStack(failoverBoundWithinTarget, [dr({ ...good, consecutiveGatewayErrors: 0, consecutive5xxErrors: 0 }),
            vs("3s")])), [`DestinationRule cf-dr (${host}) ejects on no consecutive errors: a failed region is never left; set ` +
                "outlierDetection.consecutiveGatewayErrors, e.g. 3."]);
    });
    it("skips unknowns and does not apply without locality load balancing", () => {
        assert.deepEqual(checkStack(failoverBoundWithinTarget, [dr({ ...good, consecutiveGatewayErrors: U }), vs("3s")]), []);
        assert.deepEqual(checkStack(failoverBoundWithinTarget, [dr(good, U), vs("3s")]), []);
        assert.throws(() => checkStack(failoverBoundWithinTarget, [kms]), NotApplicable);
    });
});

describe("mesh-strict-mtls", () => {
    const pa = (name: string, ns: string, spec: any) => mk(T.peerAuthentication, name, { metadata: { name, namespace: ns }, spec }, { region: null });
    const meshWide = pa("default", "istio-system", { mtls: { mode: "STRICT" } });
    const ns = mk(T.namespace, "acgs2", { metadata: { name: "acgs2" } }, { region: null });
    it("passes a mesh-wide STRICT policy", () => assert.deepEqual(checkStack(meshStrictMtls, [ns, meshWide]), []));
    it("fails no mesh-wide policy and a PERMISSIVE override", () => {
        const weak = pa("legacy", "acgs2", { selector: { matchLabels: { app: "legacy" } }, mtls: { mode: "PERMISSIVE" } });
        assert.deepEqual(checkStack(meshStrictMtls, [ns, weak]), [
            { message: "No mesh-wide STRICT mTLS: add a kubernetes:security.istio.io/v1:PeerAuthentication in namespace istio-system without selector and spec.mtls.mode STRICT.", urn: undefined },
            { message: "PeerAuthentication legacy weakens mTLS to PERMISSIVE: use STRICT.", urn: weak.urn },
        ]);
    });
    it("fails a port-level DISABLE", () => assert.deepEqual(messages(checkStack(meshStrictMtls, [meshWide,
        pa("db", "acgs2", { selector: { matchLabels: { app: "db" } }, portLevelMtls: { "5432": { mode: "DISABLE" } } })])),
    ["PeerAuthentication db weakens mTLS to DISABLE: use STRICT."]));
    it("does not apply to stacks without Kubernetes resources", () => assert.throws(() => checkStack(meshStrictMtls, [kms]), NotApplicable));
    it("does not apply to a cluster without Istio (an istio-system namespace alone)", () =>
        assert.throws(() => checkStack(meshStrictMtls, [ns]), NotApplicable));
    it("applies once istiod is installed, and fails without a mesh-wide STRICT policy", () => {
        const istiod = mk("kubernetes:helm.sh/v3:Release", "istiod", { chart: "istiod", namespace: "istio-system" }, { region: null });
        assert.equal(checkStack(meshStrictMtls, [ns, istiod]).length, 1);
    });
    it("accepts an unknown mode", () => assert.deepEqual(checkStack(meshStrictMtls, [pa("default", "istio-system", { mtls: { mode: U } })]), []));
});

describe("namespace-default-deny", () => {
    const ns = mk(T.namespace, "acgs2-ns", { metadata: { name: "acgs2" } }, { region: null });
    const np = (spec: any, meta: any = { namespace: "acgs2" }, deps: any[] = []) =>
        mk(T.networkPolicy, "default-deny", { metadata: meta, spec }, { region: null, deps });
    const deny = { podSelector: {}, policyTypes: ["Ingress", "Egress"] };
    it("passes a default-deny policy in the namespace", () => assert.deepEqual(checkStack(namespaceDefaultDeny, [ns, np(deny)]), []));
    it("matches an unknown namespace name by dependency", () => assert.deepEqual(
        checkStack(namespaceDefaultDeny, [ns, np(deny, { namespace: U }, [ns])]), []));
    it("fails a namespace whose policy allows ingress", () => assert.deepEqual(checkStack(namespaceDefaultDeny, [ns,
        np({ podSelector: {}, policyTypes: ["Ingress"], ingress: [{}] })]), [
        { message: "Namespace acgs2 has no default-deny NetworkPolicy: add one with podSelector: {}, policyTypes: [Ingress, Egress] and no rules.", urn: ns.urn },
    ]));
    it("does not apply without namespaces", () => assert.throws(() => checkStack(namespaceDefaultDeny, [kms]), NotApplicable));
    it("accepts an unknown policy spec", () => assert.deepEqual(checkStack(namespaceDefaultDeny, [ns, np(U)]), []));
});
