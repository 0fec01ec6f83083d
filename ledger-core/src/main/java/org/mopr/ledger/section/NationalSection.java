package org.mopr.ledger.section;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.mopr.ledger.fund.AidSent;
import org.mopr.ledger.fund.Balances;
import org.mopr.ledger.fund.Postings;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Origin;
import org.mopr.ledger.shared.BatchDispatch;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.Ids;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A national section of MOPR within one run. It guards its own life (founded once, nothing before it is
 * founded or after it is dissolved) and its own fund (dues and donations in, aid and remittances out, never
 * below zero unless the scenario declares an overdraft, never in a currency it does not keep).
 *
 * Every handler creates the aggregate if missing so that a command to a section that was never founded
 * gets a domain error naming the section, instead of Axon's bare "aggregate not found".
 */
@AggregateRoot
public class NationalSection {

    /** The handlers a batch of commands sent together may reach, each with the id its command targets. */
    private static final BatchDispatch<NationalSection> SENT_TOGETHER = BatchDispatch.<NationalSection>forAggregate("section")
            .on(FoundSection.class, FoundSection::sectionId, NationalSection::handle)
            .on(ReportMembership.class, ReportMembership::sectionId, NationalSection::handle)
            .on(CollectDues.class, CollectDues::sectionId, NationalSection::handle)
            .on(ReceiveDonation.class, ReceiveDonation::sectionId, NationalSection::handle)
            .on(DonateGoods.class, DonateGoods::sectionId, NationalSection::handle)
            .on(SendSectionAid.class, SendSectionAid::sectionId, NationalSection::handle)
            .on(RemitToFund.class, RemitToFund::sectionId, NationalSection::handle)
            .on(DissolveSection.class, DissolveSection::sectionId, NationalSection::handle)
            .build();

    @AggregateIdentifier
    private SectionId id;
    private boolean founded;
    private LocalDate foundedOn;
    private LocalDate dissolvedOn;
    private Set<Currency> currencies = Set.of();
    private final Balances balances = new Balances();

    protected NationalSection() {
        // Axon rebuilds the section from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FoundSection cmd) {
        if (founded) {
            throw new DomainException("section " + cmd.sectionId() + " was already founded on " + foundedOn);
        }
        if (cmd.name() == null || cmd.name().isBlank()) {
            throw new DomainException("section " + cmd.sectionId() + " needs a name");
        }
        if (cmd.founded() == null || cmd.placedOn() == null) {
            throw new DomainException("section " + cmd.sectionId() + " needs its founding date and the day it is placed on");
        }
        // A body founded before MOPR existed (Lithuania, 1918) joins it later: a later placement is allowed
        // only when the provenance is DERIVED and so names the rule that moved it.
        boolean joinsLater = cmd.provenance() != null && cmd.provenance().origin() == Origin.DERIVED;
        if (cmd.founded().earliest() != null && cmd.placedOn().isBefore(cmd.founded().earliest())
                || !joinsLater && cmd.founded().latest() != null && cmd.placedOn().isAfter(cmd.founded().latest())) {
            throw new DomainException("section " + cmd.sectionId() + ": placement " + cmd.placedOn()
                    + " lies outside its founding date " + cmd.founded());
        }
        if (cmd.currencies() == null || cmd.currencies().isEmpty()) {
            throw new DomainException("section " + cmd.sectionId() + " must keep at least one currency");
        }
        apply(new SectionFounded(cmd.sectionId(), cmd.name(), cmd.founded(), cmd.placedOn(),
                new TreeSet<>(cmd.currencies()), cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReportMembership cmd) {
        requireActive(cmd.sectionId(), cmd.asOf(), "report membership");
        if (cmd.members() < 0) {
            throw new DomainException("section " + cmd.sectionId() + ": membership on " + cmd.asOf()
                    + " cannot be negative, was " + cmd.members());
        }
        apply(new MembershipReported(cmd.sectionId(), cmd.asOf(), cmd.members(), cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CollectDues cmd) {
        List<DuesLine> lines = cmd.lines();
        if (lines == null || lines.isEmpty()) {
            throw new DomainException("section " + cmd.sectionId() + ": a dues batch needs at least one line");
        }
        if (lines.size() > CollectDues.MAX_LINES) {
            throw new DomainException("section " + cmd.sectionId() + ": a dues batch holds at most "
                    + CollectDues.MAX_LINES + " lines, got " + lines.size());
        }
        // Validate the whole batch before applying any of it, so a bad line stores nothing.
        List<DuesCollected> events = new ArrayList<>(lines.size());
        java.util.Map<Currency, Money> running = new java.util.TreeMap<>();
        for (DuesLine line : lines) {
            if (line == null) {
                throw new DomainException("section " + cmd.sectionId() + ": a dues batch holds an empty line");
            }
            requireActive(cmd.sectionId(), line.paidOn(), "collect dues of " + line.amount());
            requireMoney(cmd.sectionId(), line.amount(), "dues from " + line.payer() + " on " + line.paidOn());
            DuesCollected event = new DuesCollected(cmd.sectionId(), line.paidOn(), line.payer(), line.amount(),
                    cmd.provenance());
            Postings.requireBalanced(event.postings());
            events.add(event);
            // Overflow must be refused here, by name: inside the event handler it would be too late.
            running.merge(line.amount().currency(), line.amount(), Money::plus);
        }
        running.forEach((currency, sum) -> balances.of(id.fundAccount(), currency).plus(sum));
        events.forEach(e -> apply(e));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReceiveDonation cmd) {
        requireActive(cmd.sectionId(), cmd.receivedOn(), "receive a donation of " + cmd.amount());
        requireMoney(cmd.sectionId(), cmd.amount(), "donation from " + cmd.donor() + " on " + cmd.receivedOn());
        balances.of(id.fundAccount(), cmd.amount().currency()).plus(cmd.amount());
        apply(new DonationReceived(cmd.sectionId(), cmd.receivedOn(), cmd.donor(), cmd.amount(), cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DonateGoods cmd) {
        requireActive(cmd.sectionId(), cmd.receivedOn(), "receive goods " + cmd.quantity());
        if (cmd.quantity() == null || cmd.quantity().amount() == 0) {
            throw new DomainException("section " + cmd.sectionId() + ": a gift of " + cmd.goods() + " on "
                    + cmd.receivedOn() + " needs a positive quantity");
        }
        if (cmd.goods() == null || cmd.goods().isBlank()) {
            throw new DomainException("section " + cmd.sectionId() + ": goods on " + cmd.receivedOn() + " must say what they are");
        }
        apply(new GoodsDonated(cmd.sectionId(), cmd.receivedOn(), cmd.donor(), cmd.goods(), cmd.quantity(), cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SendSectionAid cmd) {
        requireActive(cmd.sectionId(), cmd.sentOn(), "send aid of " + cmd.amount());
        requireMoney(cmd.sectionId(), cmd.amount(), "aid to " + cmd.country() + " on " + cmd.sentOn());
        requireCountry(cmd.country());
        if (cmd.purpose() == null) {
            throw new DomainException("section " + cmd.sectionId() + ": aid of " + cmd.amount() + " needs a purpose");
        }
        boolean overdraws = balances.requireCover("section " + id, id.fundAccount(), cmd.amount(), cmd.overdraftAllowed());
        apply(new AidSent(id.run(), id.fundAccount(), cmd.sentOn(), cmd.country(), cmd.purpose(), cmd.amount(),
                overdraws, cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RemitToFund cmd) {
        requireActive(cmd.sectionId(), cmd.remittedOn(), "remit " + cmd.amount());
        requireMoney(cmd.sectionId(), cmd.amount(), "remittance to " + cmd.fund() + " on " + cmd.remittedOn());
        if (cmd.fund() == null || !cmd.fund().run().equals(id.run())) {
            throw new DomainException("section " + id + " can only remit to a fund of its own run, not " + cmd.fund());
        }
        boolean overdraws = balances.requireCover("section " + id, id.fundAccount(), cmd.amount(), cmd.overdraftAllowed());
        apply(new FundsRemitted(id, cmd.remittedOn(), cmd.fund(), cmd.amount(), overdraws, cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DissolveSection cmd) {
        requireActive(cmd.sectionId(), cmd.on(), "be dissolved");
        if (cmd.reason() == null) {
            throw new DomainException("section " + cmd.sectionId() + ": dissolution on " + cmd.on() + " needs a reason");
        }
        apply(new SectionDissolved(cmd.sectionId(), cmd.on(), cmd.reason(), cmd.provenance()));
    }

    /** Consecutive commands to this section, applied one by one by the handlers above. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SectionCommands batch) {
        SENT_TOGETHER.handle(this, batch.commands(), batch.sectionId());
    }

    private void requireActive(SectionId sectionId, LocalDate on, String action) {
        if (!founded) {
            throw new DomainException("section " + sectionId + " has not been founded: cannot " + action + " on " + on);
        }
        if (on == null) {
            throw new DomainException("section " + id + ": cannot " + action + " without a date");
        }
        if (on.isBefore(foundedOn)) {
            throw new DomainException("section " + id + " was founded on " + foundedOn + ": cannot " + action
                    + " on " + on + ", before it existed");
        }
        if (dissolvedOn != null && !on.isBefore(dissolvedOn)) {
            throw new DomainException("section " + id + " was dissolved on " + dissolvedOn + ": cannot " + action
                    + " on " + on);
        }
    }

    private void requireCountry(String country) {
        try {
            Ids.requireSectionCode(country);
        } catch (DomainException e) {
            throw new DomainException("section " + id + " cannot send aid: " + e.getMessage());
        }
    }

    private void requireMoney(SectionId sectionId, Money amount, String what) {
        if (amount == null) {
            throw new DomainException("section " + sectionId + ": " + what + " has no amount");
        }
        amount.requirePositive("section " + sectionId + ": " + what);
        if (!currencies.contains(amount.currency())) {
            throw new DomainException("section " + sectionId + " keeps " + currencies + ", not " + amount.currency()
                    + ": " + what + " of " + amount + " refused");
        }
    }

    @EventSourcingHandler
    void on(SectionFounded e) {
        id = e.sectionId();
        founded = true;
        foundedOn = e.placedOn();
        currencies = e.currencies();
    }

    @EventSourcingHandler
    void on(DuesCollected e) {
        balances.apply(e.postings());
    }

    @EventSourcingHandler
    void on(DonationReceived e) {
        balances.apply(e.postings());
    }

    @EventSourcingHandler
    void on(AidSent e) {
        balances.apply(e.postings());
    }

    @EventSourcingHandler
    void on(FundsRemitted e) {
        balances.apply(e.postings());
    }

    @EventSourcingHandler
    void on(SectionDissolved e) {
        dissolvedOn = e.on();
    }
}
