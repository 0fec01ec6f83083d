package org.mopr.ledger.organisation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.mopr.ledger.rates.DeclareExchangeRate;
import org.mopr.ledger.rates.ExchangeRateDeclared;
import org.mopr.ledger.shared.BatchDispatch;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.Ids;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * International Red Aid as a whole: its founding, the names of its governing body, its leaders, its
 * conferences and its organisation-wide censuses. Nothing happens to it before it is founded.
 */
@AggregateRoot
public class Organisation {

    /** The largest congress the sources mention had 109 delegates; a composition with more groups is a typo. */
    static final int MAX_DELEGATE_GROUPS = 32;
    /** A reason is a sentence for a historian, not a document. */
    static final int MAX_REASON = 1_000;

    /** The handlers a batch of commands sent together may reach, each with the id its command targets. */
    private static final BatchDispatch<Organisation> SENT_TOGETHER = BatchDispatch.<Organisation>forAggregate("organisation")
            .on(FoundOrganisation.class, FoundOrganisation::organisationId, Organisation::handle)
            .on(RenameGoverningBody.class, RenameGoverningBody::organisationId, Organisation::handle)
            .on(ChangeLeadership.class, ChangeLeadership::organisationId, Organisation::handle)
            .on(HoldConference.class, HoldConference::organisationId, Organisation::handle)
            .on(ReportOrganisationMembership.class, ReportOrganisationMembership::organisationId, Organisation::handle)
            .on(DeclareExchangeRate.class, DeclareExchangeRate::organisationId, Organisation::handle)
            .on(SetClaimAside.class, SetClaimAside::organisationId, Organisation::handle)
            .build();

    @AggregateIdentifier
    private OrganisationId id;
    private LocalDate foundedOn;
    private String governingBody;
    private final Set<String> conferences = new HashSet<>();

    protected Organisation() {
        // Axon rebuilds the organisation from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FoundOrganisation cmd) {
        if (id != null) {
            throw new DomainException("organisation " + cmd.organisationId() + " was already founded on " + foundedOn);
        }
        if (cmd.placedOn() == null || cmd.founded() == null || cmd.name() == null || cmd.name().isBlank()) {
            throw new DomainException("organisation " + cmd.organisationId() + " needs a name, a founding date and a placement");
        }
        if (!cmd.founded().mayFallWithin(cmd.placedOn(), cmd.placedOn())) {
            throw new DomainException("organisation " + cmd.organisationId() + ": placement " + cmd.placedOn()
                    + " lies outside its founding date " + cmd.founded());
        }
        apply(new OrganisationFounded(cmd.organisationId(), cmd.name(), cmd.founded(), cmd.placedOn(), cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RenameGoverningBody cmd) {
        requireFounded(cmd.organisationId(), cmd.placedOn(), "rename its governing body to " + cmd.newName());
        if (cmd.newName() == null || cmd.newName().isBlank() || cmd.newName().equals(governingBody)) {
            throw new DomainException("organisation " + id + ": governing body is already called '" + governingBody
                    + "', cannot rename it to '" + cmd.newName() + "'");
        }
        apply(new GoverningBodyRenamed(id, governingBody, cmd.newName(), cmd.date(), cmd.placedOn(), cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChangeLeadership cmd) {
        requireFounded(cmd.organisationId(), cmd.placedOn(), "change its leader to " + cmd.person());
        if (cmd.person() == null || cmd.person().isBlank() || cmd.term() == null) {
            throw new DomainException("organisation " + id + ": a change of leadership needs a person and a term");
        }
        apply(new LeadershipChanged(id, cmd.person(), cmd.role(), cmd.term(), cmd.placedOn(), cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(HoldConference cmd) {
        requireFounded(cmd.organisationId(), cmd.placedOn(), "hold the conference " + cmd.name());
        Ids.requireKey("conference key", cmd.conferenceKey());
        if (conferences.contains(cmd.conferenceKey())) {
            throw new DomainException("organisation " + id + ": conference " + cmd.conferenceKey() + " was already held");
        }
        TreeMap<String, Long> groups = new TreeMap<>(cmd.delegatesByGroup() == null ? java.util.Map.of() : cmd.delegatesByGroup());
        if (groups.size() > MAX_DELEGATE_GROUPS) {
            throw new DomainException("conference " + cmd.conferenceKey() + ": at most " + MAX_DELEGATE_GROUPS
                    + " delegate groups, got " + groups.size());
        }
        long sum = 0;
        for (var group : groups.entrySet()) {
            if (group.getValue() == null || group.getValue() < 0) {
                throw new DomainException("conference " + cmd.conferenceKey() + ": delegates of group '" + group.getKey()
                        + "' must be a count, was " + group.getValue());
            }
            try {
                sum = Math.addExact(sum, group.getValue());
            } catch (ArithmeticException e) {
                throw new DomainException("conference " + cmd.conferenceKey() + ": delegate groups " + groups
                        + " sum beyond any count");
            }
        }
        if (cmd.delegates() != null && cmd.delegates() < 0) {
            throw new DomainException("conference " + cmd.conferenceKey() + ": delegates cannot be negative, was " + cmd.delegates());
        }
        if (cmd.delegates() != null && !groups.isEmpty() && sum != cmd.delegates()) {
            throw new DomainException("conference " + cmd.conferenceKey() + ": delegate groups " + groups + " sum to " + sum
                    + ", not the " + cmd.delegates() + " delegates stated");
        }
        apply(new ConferenceHeld(id, cmd.conferenceKey(), cmd.name(), cmd.place(), cmd.dates(), cmd.placedOn(),
                cmd.delegates(), groups, cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReportOrganisationMembership cmd) {
        requireFounded(cmd.organisationId(), cmd.asOf(), "report membership");
        if (cmd.scope() == null || cmd.members() == null && cmd.sections() == null) {
            throw new DomainException("organisation " + id + ": a census on " + cmd.asOf()
                    + " needs a scope and a count of members or sections");
        }
        if (cmd.members() != null && cmd.members() < 0 || cmd.sections() != null && cmd.sections() < 0) {
            throw new DomainException("organisation " + id + ": census on " + cmd.asOf() + " has a negative count ("
                    + cmd.members() + " members, " + cmd.sections() + " sections)");
        }
        apply(new OrganisationMembershipReported(id, cmd.asOf(), cmd.scope(), cmd.members(), cmd.sections(), cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeclareExchangeRate cmd) {
        requireFounded(cmd.organisationId(), cmd.validFrom(), "declare a rate " + cmd.from() + "->" + cmd.to());
        String rate = "rate " + cmd.from() + "->" + cmd.to() + " from " + cmd.validFrom();
        if (cmd.from() == null || cmd.to() == null || cmd.from().equals(cmd.to())) {
            throw new DomainException(rate + ": needs two different currencies");
        }
        if (cmd.validTo() == null || cmd.validTo().isBefore(cmd.validFrom())) {
            throw new DomainException(rate + ": valid-to " + cmd.validTo() + " is before valid-from");
        }
        if (cmd.numerator() <= 0 || cmd.denominator() <= 0) {
            throw new DomainException(rate + ": " + cmd.numerator() + "/" + cmd.denominator() + " must be positive");
        }
        boolean cited = cmd.citation() != null && !cmd.citation().isBlank();
        if (cited == cmd.assumption()) {
            throw new DomainException(rate + ": give either a citation or the assumption flag, exactly one");
        }
        apply(new ExchangeRateDeclared(id, cmd.table(), cmd.from(), cmd.to(), cmd.validFrom(), cmd.validTo(),
                cmd.numerator(), cmd.denominator(), cmd.citation(), cmd.assumption(), cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetClaimAside cmd) {
        requireFounded(cmd.organisationId(), cmd.on(), "set claim " + cmd.claimId() + " aside");
        if (cmd.claimId() == null || cmd.claimId().isBlank() || cmd.reason() == null || cmd.reason().isBlank()) {
            throw new DomainException("organisation " + id + ": a claim set aside needs its id and a reason");
        }
        if (cmd.reason().length() > MAX_REASON) {
            throw new DomainException("organisation " + id + ": the reason for setting " + cmd.claimId()
                    + " aside is longer than " + MAX_REASON + " characters");
        }
        apply(new ClaimSetAside(id, cmd.on(), cmd.claimId(), cmd.reason(), cmd.provenance()));
    }

    /** Consecutive commands to this organisation, applied one by one by the handlers above. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OrganisationCommands batch) {
        SENT_TOGETHER.handle(this, batch.commands(), batch.organisationId());
    }

    private void requireFounded(OrganisationId organisationId, LocalDate on, String action) {
        if (id == null) {
            throw new DomainException("organisation " + organisationId + " has not been founded: cannot " + action);
        }
        if (on == null || on.isBefore(foundedOn)) {
            throw new DomainException("organisation " + id + " was founded on " + foundedOn + ": cannot " + action
                    + " on " + on);
        }
    }

    @EventSourcingHandler
    void on(OrganisationFounded e) {
        id = e.organisationId();
        foundedOn = e.placedOn();
        governingBody = "Central Bureau";
    }

    @EventSourcingHandler
    void on(GoverningBodyRenamed e) {
        governingBody = e.newName();
    }

    @EventSourcingHandler
    void on(ConferenceHeld e) {
        conferences.add(e.conferenceKey());
    }
}
