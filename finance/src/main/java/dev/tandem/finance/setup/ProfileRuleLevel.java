package dev.tandem.finance.setup;

/** Levels of project cost and revenue profile rules, most specific first (§9). */
public enum ProfileRuleLevel {
    PROJECT,
    CONTRACT,
    PROJECT_GROUP
}
