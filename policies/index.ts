// The policy pack entry point, loaded by the Pulumi policy analyzer (`--policy-pack policies`).
// Constructing a PolicyPack starts the analyzer's gRPC server: nothing else may import this file.
// Tests and the offline gate import `src/all.ts` instead.
import { PolicyPack } from "@pulumi/policy";

import { allPolicies } from "./src/all";

new PolicyPack("acgs2-baseline", {
    description: "Security and residency baseline for acgs2-infra (policies/README.md).",
    enforcementLevel: "mandatory",
    policies: allPolicies,
});
