package org.mopr.ledger.organisation;

/** Which members an organisation-wide count covers: the sources count with and without the Soviet section. */
public enum MembershipScope {
    ALL,
    OUTSIDE_USSR
}
