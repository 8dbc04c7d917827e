package org.ppay.core.fraud;

import java.util.Arrays;
import org.ppay.core.coin.Instrument;
import org.ppay.core.coin.Relinquishment;
import org.ppay.core.coin.Signatures;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.peer.KeyDirectory;
import org.ppay.core.peer.ProtocolException;

/**
 * Proof of fraud (section 4), self-contained: the signed messages and who they convict. A third party checks it with
 * public keys alone ({@link #verify}).
 *
 * <ul>
 *   <li>{@link Kind#REPLICATION}: two different messages, both signed by the culprit, each giving up the same holding
 *       (owner, serial, sequence number, culprit) — a reassignment request, a layer, a renewal request or a cash
 *       request. A holder gives up a holding once; twice is spending it twice. The messages must differ in their
 *       signed bytes ({@link Relinquishment#sameAct}): two signatures over the same bytes are one act.</li>
 *   <li>{@link Kind#DOUBLE_SPEND}: two instruments of one coin whose owner-signed assignments (or bare coins) cannot
 *       both be valid. Self-evident when both assignments carry the same sequence number for different holders;
 *       otherwise the broker's signature over the evidence attests that arbitration found no proof of
 *       relinquishment for either (section 4.1).</li>
 * </ul>
 */
public final class Evidence {

    /** What the culprit did. */
    public enum Kind { REPLICATION, DOUBLE_SPEND }

    private final Kind kind;
    private final long culprit;
    private final long owner;
    private final long serial;
    private final byte[] first;
    private final byte[] second;
    private final byte[] brokerAttestation;

    public Evidence(Kind kind, long culprit, long owner, long serial, byte[] first, byte[] second,
            byte[] brokerAttestation) {
        this.kind = kind;
        this.culprit = culprit;
        this.owner = owner;
        this.serial = serial;
        this.first = first.clone();
        this.second = second.clone();
        this.brokerAttestation = brokerAttestation == null ? null : brokerAttestation.clone();
    }

    public static Evidence replication(Relinquishment holding, byte[] first, byte[] second) {
        return new Evidence(Kind.REPLICATION, holding.holder(), holding.owner(), holding.serial(), first, second,
                null);
    }

    public Kind kind() {
        return kind;
    }

    /** The peer the evidence convicts. */
    public long culprit() {
        return culprit;
    }

    public long owner() {
        return owner;
    }

    public long serial() {
        return serial;
    }

    public byte[] first() {
        return first.clone();
    }

    public byte[] second() {
        return second.clone();
    }

    /** The broker's signature over {@link #attestedBytes()}, or null. */
    public byte[] brokerAttestation() {
        return brokerAttestation == null ? null : brokerAttestation.clone();
    }

    /** The bytes a broker signs to attest a double spend: kind, culprit, owner, serial, first, second. */
    public byte[] attestedBytes() {
        final byte[] out = new byte[1 + 24 + first.length + second.length];
        out[0] = (byte) kind.ordinal();
        putLong(out, 1, culprit);
        putLong(out, 9, owner);
        putLong(out, 17, serial);
        System.arraycopy(first, 0, out, 25, first.length);
        System.arraycopy(second, 0, out, 25 + first.length, second.length);
        return out;
    }

    /**
     * Checks the evidence with public keys alone; throws {@link ProtocolException} naming what does not hold.
     *
     * @param maxLayers the largest number of layers an instrument may carry
     * @param brokerId the broker, signer of raw coins, certificates, broker assignments and attestations
     */
    public void verify(KeyDirectory keys, SignatureSuite suite, int maxLayers, long brokerId) {
        final Instrument scratch = new Instrument(suite.signatureLength(), maxLayers);
        if (Relinquishment.sameAct(first, second, suite.signatureLength())) {
            throw invalid("the two messages are one act: their signed bytes are equal (only the signatures differ,"
                    + " as a re-signed or mauled copy's do)");
        }
        if (kind == Kind.REPLICATION) {
            final Relinquishment a = Relinquishment.read(first, scratch, keys, suite, brokerId);
            final Relinquishment b = Relinquishment.read(second, scratch, keys, suite, brokerId);
            if (!a.sameHolding(b)) {
                throw invalid("the messages give up different holdings: " + a + " and " + b);
            }
            if (a.holder() != culprit || a.owner() != owner || a.serial() != serial) {
                throw invalid("the messages convict peer " + a.holder() + " for " + a + ", not peer " + culprit);
            }
            return;
        }
        final long[] a = ownerSigned(first, scratch, keys, suite, brokerId);
        final long[] b = ownerSigned(second, scratch, keys, suite, brokerId);
        if (a[0] != b[0] || a[1] != b[1] || a[0] != culprit || culprit != owner || a[1] != serial) {
            throw invalid("the instruments are not two of peer " + culprit + "'s coin " + serial);
        }
        final boolean selfEvident = a[4] == 0 && b[4] == 0 && a[2] == b[2] && a[3] != b[3];
        if (selfEvident) {
            return;
        }
        if (brokerAttestation == null) {
            throw invalid("assignments with different sequence numbers need the broker's attestation");
        }
        final byte[] attested = attestedBytes();
        final byte[] signed = Arrays.copyOf(attested, attested.length + brokerAttestation.length);
        System.arraycopy(brokerAttestation, 0, signed, attested.length, brokerAttestation.length);
        Signatures.check(keys, suite, brokerId, signed, 0, signed.length, "broker attestation");
    }

    /** {owner, serial, base seq, base holder, 1 if the broker signed the base} after checking the signatures. */
    private static long[] ownerSigned(byte[] instrument, Instrument scratch, KeyDirectory keys, SignatureSuite suite,
            long brokerId) {
        scratch.parse(instrument, 0, instrument.length);
        scratch.verify(keys, suite, brokerId);
        return new long[] {scratch.owner(), scratch.serial(), scratch.seq(0), scratch.holder(0),
            scratch.isBrokerAssignment() ? 1 : 0};
    }

    private static ProtocolException invalid(String message) {
        return new ProtocolException(ProtocolException.Reason.FRAUD, "evidence does not hold: " + message);
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    @Override
    public String toString() {
        return kind + " by peer " + culprit + " on coin " + serial + " of peer " + owner;
    }
}
