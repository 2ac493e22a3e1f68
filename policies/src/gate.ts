// Offline policy gate: `npm run gate -- PLAN.json` (compiled entry: dist/src/gate.js).
// Runs every acgs2-baseline policy over the Java plan snapshot and prints violations as
// `pulumi preview` does. Exit 0: no mandatory violation; 1: mandatory violations; 2: the file is
// missing, unreadable or not in the snapshot format.
import * as fs from "fs";

import { formatReport, mandatoryCount, parseSnapshot, runPolicies, SnapshotFormatError } from "./engine";

export const EXIT_OK = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_BAD_INPUT = 2;

export async function main(argv: string[]): Promise<number> {
    const file = argv[0];
    if (!file || argv.length !== 1) {
        console.error("usage: npm run gate -- PLAN.json   (or: node dist/src/gate.js PLAN.json)");
        return EXIT_BAD_INPUT;
    }
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        console.error(`gate: cannot read ${file}: ${(e as Error).message}`);
        return EXIT_BAD_INPUT;
    }
    let snapshot;
    try {
        snapshot = parseSnapshot(text);
    } catch (e) {
        if (e instanceof SnapshotFormatError) {
            console.error(`gate: ${file} is not an acgs2 plan snapshot: ${e.message}`);
            return EXIT_BAD_INPUT;
        }
        throw e;
    }
    const result = await runPolicies(snapshot);
    console.log(formatReport(result));
    return mandatoryCount(result) > 0 ? EXIT_VIOLATIONS : EXIT_OK;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        code => { process.exitCode = code; },
        err => { console.error(`gate: ${err?.stack ?? err}`); process.exitCode = EXIT_BAD_INPUT; },
    );
}
