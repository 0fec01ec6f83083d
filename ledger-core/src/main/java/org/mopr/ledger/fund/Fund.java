package org.mopr.ledger.fund;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.shared.BatchDispatch;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.Ids;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A fund of the central body: the account book that receives sections' remittances and pays aid. Every
 * movement is double entry and balanced per currency; money only moves in the currencies the fund keeps;
 * the fund never pays out more than it holds unless the command carries the scenario's overdraft.
 */
@AggregateRoot
public class Fund {

    /** The handlers a batch of commands sent together may reach, each with the id its command targets. */
    private static final BatchDispatch<Fund> SENT_TOGETHER = BatchDispatch.<Fund>forAggregate("fund")
            .on(OpenFund.class, OpenFund::fundId, Fund::handle)
            .on(ReceiveRemittance.class, ReceiveRemittance::fundId, Fund::handle)
            .on(SendFundAid.class, SendFundAid::fundId, Fund::handle)
            .on(PostTransaction.class, PostTransaction::fundId, Fund::handle)
            .build();

    @AggregateIdentifier
    private FundId id;
    private LocalDate openedOn;
    private Set<Currency> currencies = Set.of();
    private final Balances balances = new Balances();

    protected Fund() {
        // Axon rebuilds the fund from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenFund cmd) {
        if (id != null) {
            throw new DomainException("fund " + cmd.fundId() + " was already opened on " + openedOn);
        }
        if (cmd.openedOn() == null || cmd.currencies() == null || cmd.currencies().isEmpty()) {
            throw new DomainException("fund " + cmd.fundId() + " needs an opening date and at least one currency");
        }
        apply(new FundOpened(cmd.fundId(), cmd.name(), cmd.openedOn(), new TreeSet<>(cmd.currencies()), cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReceiveRemittance cmd) {
        requireOpen(cmd.fundId(), cmd.receivedOn(), "receive a remittance of " + cmd.amount());
        requireMoney(cmd.amount(), "remittance from " + cmd.from());
        if (cmd.from() == null || !cmd.from().run().equals(id.run())) {
            throw new DomainException("fund " + id + " only receives remittances from sections of its own run, not "
                    + cmd.from());
        }
        apply(new RemittanceReceived(id, cmd.receivedOn(), cmd.from(), cmd.amount(), cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SendFundAid cmd) {
        requireOpen(cmd.fundId(), cmd.sentOn(), "send aid of " + cmd.amount());
        requireMoney(cmd.amount(), "aid to " + cmd.country() + " on " + cmd.sentOn());
        Ids.requireSectionCode(cmd.country());
        if (cmd.purpose() == null) {
            throw new DomainException("fund " + id + ": aid of " + cmd.amount() + " needs a purpose");
        }
        boolean overdraws = balances.requireCover("fund " + id, id.account(), cmd.amount(), cmd.overdraftAllowed());
        apply(new AidSent(id.run(), id.account(), cmd.sentOn(), cmd.country(), cmd.purpose(), cmd.amount(), overdraws,
                cmd.provenance()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PostTransaction cmd) {
        requireOpen(cmd.fundId(), cmd.postedOn(), "post '" + cmd.memo() + "'");
        List<Posting> postings = Postings.requireBalanced(cmd.postings());
        boolean touchesOwnAccount = false;
        for (Posting p : postings) {
            if (p.amount().isZero()) {
                throw new DomainException("fund " + id + ": posting of zero to " + p.account() + " in '" + cmd.memo() + "'");
            }
            if (id.owns(p.account())) {
                touchesOwnAccount = true;
                requireMoney(p.amount().isNegative() ? p.amount().negate() : p.amount(), "posting to " + p.account());
            }
        }
        if (!touchesOwnAccount) {
            throw new DomainException("fund " + id + " can only post movements that touch its own accounts ("
                    + id.account() + "...), not " + postings);
        }
        boolean overdraws = false;
        for (Posting out : outflows(postings)) {
            overdraws |= balances.requireCover("fund " + id, out.account(), out.amount(), cmd.overdraftAllowed());
        }
        apply(new TransactionPosted(id, cmd.postedOn(), cmd.memo(), postings, overdraws, cmd.provenance()));
    }

    /**
     * Net credit per own account and currency: what the transaction takes out of each, to check cover once.
     * Kept per currency: an account losing dollars and rubles in one transaction must be covered in both.
     */
    private List<Posting> outflows(List<Posting> postings) {
        Map<String, Posting> net = new TreeMap<>();
        for (Posting p : postings) {
            if (id.owns(p.account())) {
                net.merge(p.account() + "|" + p.amount().currency(), p,
                        (a, b) -> new Posting(a.account(), a.amount().plus(b.amount())));
            }
        }
        return net.values().stream()
                .filter(p -> p.amount().isNegative())
                .map(p -> new Posting(p.account(), p.amount().negate()))
                .toList();
    }

    /** Consecutive commands to this fund, applied one by one by the handlers above. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FundCommands batch) {
        SENT_TOGETHER.handle(this, batch.commands(), batch.fundId());
    }

    private void requireOpen(FundId fundId, LocalDate on, String action) {
        if (id == null) {
            throw new DomainException("fund " + fundId + " has not been opened: cannot " + action);
        }
        if (on == null || on.isBefore(openedOn)) {
            throw new DomainException("fund " + id + " opened on " + openedOn + ": cannot " + action + " on " + on);
        }
    }

    private void requireMoney(Money amount, String what) {
        if (amount == null) {
            throw new DomainException("fund " + id + ": " + what + " has no amount");
        }
        amount.requirePositive("fund " + id + ": " + what);
        if (!currencies.contains(amount.currency())) {
            throw new DomainException("fund " + id + " keeps " + currencies + ", not " + amount.currency() + ": "
                    + what + " of " + amount + " refused");
        }
    }

    @EventSourcingHandler
    void on(FundOpened e) {
        id = e.fundId();
        openedOn = e.openedOn();
        currencies = e.currencies();
    }

    @EventSourcingHandler
    void on(RemittanceReceived e) {
        balances.apply(e.postings());
    }

    @EventSourcingHandler
    void on(AidSent e) {
        balances.apply(e.postings());
    }

    @EventSourcingHandler
    void on(TransactionPosted e) {
        balances.apply(e.postings());
    }
}
