import { JSDOM } from "jsdom";
// Parses a Mermaid diagram file with Mermaid's own parser (in a DOM from jsdom): exit 0 and the diagram type, or 1 and the error.
// Usage: node tools/diagram-check/check.mjs FILE.mmd
import { readFileSync } from "node:fs";
const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window; globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
try { const r = await mermaid.parse(readFileSync(process.argv[2], "utf8")); console.log("ok " + r.diagramType); }
catch (e) { console.error(String(e.message)); process.exit(1); }
