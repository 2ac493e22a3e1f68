package io.acgs2.components.common;

/**
 * A rule broken by an input: what is wrong and how to fix it. Rules shared by the config parser and
 * the args builders return findings, so a stack file and a direct caller get the same message.
 */
public record Finding(String problem, String fix) {
}
