package org.mopr.ledger.projection.ledger;

import org.mopr.ledger.fund.AidSent;
import org.mopr.ledger.fund.MoneyMovement;
import org.mopr.ledger.fund.Posting;
import org.mopr.ledger.fund.RemittanceReceived;
import org.mopr.ledger.fund.TransactionPosted;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.engine.ProjectedEvent;
import org.mopr.ledger.projection.engine.ProjectionException;
import org.mopr.ledger.section.DonationReceived;
import org.mopr.ledger.section.DuesCollected;
import org.mopr.ledger.section.FundsRemitted;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the ledger projections need from a movement of money: its day, its checked legs and its flows. */
public final class Movements {

    /** Money moving from one account (credited) to another (debited). */
    public record Flow(String from, String to, Money amount) {
    }

    private Movements() {
    }

    /** The day the movement happened. A new kind of movement must be taught here before it can be projected. */
    public static LocalDate dayOf(ProjectedEvent event) {
        Object p = event.payload();
        LocalDate day;
        if (p instanceof DuesCollected e) {
            day = e.paidOn();
        } else if (p instanceof DonationReceived e) {
            day = e.receivedOn();
        } else if (p instanceof FundsRemitted e) {
            day = e.remittedOn();
        } else if (p instanceof RemittanceReceived e) {
            day = e.receivedOn();
        } else if (p instanceof AidSent e) {
            day = e.sentOn();
        } else if (p instanceof TransactionPosted e) {
            day = e.postedOn();
        } else {
            throw new ProjectionException("event #" + event.globalIndex() + " (" + event.eventType()
                    + ") moves money but the ledger projection does not know its date");
        }
        if (day == null) {
            throw new ProjectionException("event #" + event.globalIndex() + " (" + event.eventType() + ") of run "
                    + event.runId() + " moves money on no date");
        }
        return day;
    }

    /**
     * The postings, refused unless they sum to zero in every currency: the trial balance must hold event by event,
     * and an unbalanced event in the store (edited by hand, or from a bug) stops the projection with its figures.
     */
    public static List<Posting> balancedPostings(ProjectedEvent event, MoneyMovement movement) {
        List<Posting> postings = movement.postings();
        if (postings.size() == 2 && twoLegsBalance(postings.get(0), postings.get(1))) {
            return postings;   // the common case (dues, donations, remittances), without a map per event
        }
        Map<Currency, Long> sums = new LinkedHashMap<>();
        for (Posting p : postings) {
            sums.merge(p.amount().currency(), p.amount().minor(), Math::addExact);
        }
        for (Map.Entry<Currency, Long> sum : sums.entrySet()) {
            if (sum.getValue() != 0) {
                throw new ProjectionException("event #" + event.globalIndex() + " (" + event.eventType() + ") of run "
                        + event.runId() + " does not balance in " + sum.getKey() + ": its postings sum to "
                        + new Money(sum.getValue(), sum.getKey()) + " in " + postings);
            }
        }
        return postings;
    }

    private static boolean twoLegsBalance(Posting a, Posting b) {
        return a.amount().currency().equals(b.amount().currency()) && a.amount().minor() == -b.amount().minor()
                && a.amount().minor() != Long.MIN_VALUE;
    }

    /**
     * Pairs credits with debits, per currency, in the order the postings are given: each credited account sends
     * to the debited accounts until its amount is spent. A two-leg movement is one flow; a split transaction
     * becomes as many flows as it needs, always summing to what moved.
     */
    public static List<Flow> flows(List<Posting> postings) {
        if (postings.size() == 2) {
            // One debit and one credit of the same amount is one flow, as the pairing below gives it.
            Posting a = postings.get(0);
            Posting b = postings.get(1);
            if (twoLegsBalance(a, b) && a.amount().minor() != 0) {
                Posting debit = a.amount().isPositive() ? a : b;
                Posting credit = debit == a ? b : a;
                return List.of(new Flow(credit.account(), debit.account(), debit.amount()));
            }
        }
        List<Flow> flows = new ArrayList<>();
        Map<Currency, List<Posting>> byCurrency = new LinkedHashMap<>();
        for (Posting p : postings) {
            byCurrency.computeIfAbsent(p.amount().currency(), c -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<Currency, List<Posting>> legs : byCurrency.entrySet()) {
            List<Posting> debits = legs.getValue().stream().filter(p -> p.amount().isPositive()).toList();
            List<Posting> credits = legs.getValue().stream().filter(p -> p.amount().isNegative()).toList();
            int d = 0;
            long debitLeft = debits.isEmpty() ? 0 : debits.get(0).amount().minor();
            for (Posting credit : credits) {
                long creditLeft = -credit.amount().minor();
                while (creditLeft > 0 && d < debits.size()) {
                    long moved = Math.min(creditLeft, debitLeft);
                    flows.add(new Flow(credit.account(), debits.get(d).account(), new Money(moved, legs.getKey())));
                    creditLeft -= moved;
                    debitLeft -= moved;
                    if (debitLeft == 0 && ++d < debits.size()) {
                        debitLeft = debits.get(d).amount().minor();
                    }
                }
            }
        }
        return flows;
    }
}
