// Every policy of the acgs2-baseline pack, in the order of the baseline table (policies/README.md). index.ts, the tests and
// the offline gate import this list (never index.ts, which starts the analyzer server).
import { Policies } from "@pulumi/policy";

import { computePolicies } from "./compute";
import { dataStorePolicies } from "./datastores";
import { kubernetesPolicies } from "./kubernetes";
import { networkPolicies } from "./network";
import { residencyPolicies } from "./residency";
import { trafficPolicies } from "./traffic";
import { wiringPolicies } from "./wiring";
import { operationsPolicies } from "./operations";

export const PACK_NAME = "acgs2-baseline";

export const allPolicies: Policies = [
    ...dataStorePolicies,
    ...computePolicies,
    ...networkPolicies,
    ...kubernetesPolicies,
    ...residencyPolicies,
    ...trafficPolicies,
    ...wiringPolicies,
    ...operationsPolicies,
];
