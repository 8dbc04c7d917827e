package org.ppay.core.credit;

import java.security.MessageDigest;
import org.ppay.core.coin.Requests;
import org.ppay.core.coin.Signatures;
import org.ppay.core.crypto.SignatureSuite;
import org.ppay.core.peer.KeyDirectory;
import org.ppay.core.peer.ProtocolException;
import org.ppay.core.peer.ProtocolException.Reason;

/**
 * The vendor's side of one Payword chain: it starts from the committed root (the commitment's signature is checked
 * once, by whoever builds this) and checks each next payword with one SHA-256. Not thread-safe.
 */
public final class PaywordReceiver {

    private final int chainLength;
    private final byte[] lastWord;
    private final byte[] scratch = new byte[PaywordChain.WORD_BYTES];
    private final Sha256 sha = new Sha256();
    private int lastIndex;

    public PaywordReceiver(byte[] root, int chainLength) {
        if (root == null || root.length != PaywordChain.WORD_BYTES) {
            throw new IllegalArgumentException("a Payword root must be " + PaywordChain.WORD_BYTES + " bytes");
        }
        if (chainLength < 1 || chainLength > PaywordChain.MAX_LENGTH) {
            throw new IllegalArgumentException("a Payword chain has 1.." + PaywordChain.MAX_LENGTH + " words, not "
                    + chainLength);
        }
        this.chainLength = chainLength;
        this.lastWord = root.clone();
    }

    /**
     * Starts a chain from a signed commitment {payer, vendor, w0, n, expiry} (wire type 0x0A): checks that it names
     * this vendor, has not expired, and carries the payer's signature — the one signature check of the chain.
     */
    public static PaywordReceiver fromCommitment(byte[] commitment, long vendorId, KeyDirectory keys,
            SignatureSuite suite, long nowSeconds) {
        Requests.expectPaywordCommitment(commitment, suite.signatureLength());
        if (Requests.paywordVendor(commitment) != vendorId) {
            throw new ProtocolException(Reason.WRONG_RECIPIENT, "commitment to vendor "
                    + Requests.paywordVendor(commitment));
        }
        if (Requests.paywordExpiry(commitment) < nowSeconds) {
            throw new ProtocolException(Reason.EXPIRED, "commitment expired at " + Requests.paywordExpiry(commitment));
        }
        final long length = Requests.paywordChainLength(commitment);
        if (length < 1 || length > PaywordChain.MAX_LENGTH) {
            throw new ProtocolException(Reason.INVALID_ARGUMENT, "Payword commitment declares " + length
                    + " paywords, outside 1.." + PaywordChain.MAX_LENGTH);
        }
        Signatures.check(keys, suite, Requests.paywordPayer(commitment), commitment, 0, commitment.length,
                "Payword commitment");
        return new PaywordReceiver(Requests.paywordRoot(commitment), (int) length);
    }

    /**
     * Accepts payword {@code index}, which must be the next one and hash to the last accepted word. State is
     * unchanged when it is refused.
     */
    public void accept(int index, byte[] word) {
        if (index != lastIndex + 1) {
            throw new ProtocolException(index <= lastIndex ? Reason.REPLAYED : Reason.STALE_SEQUENCE,
                    "payword " + index + " where " + (lastIndex + 1) + " is next");
        }
        if (index > chainLength) {
            throw new ProtocolException(Reason.INSUFFICIENT_FUNDS, "the chain has only " + chainLength + " paywords");
        }
        if (word == null || word.length != PaywordChain.WORD_BYTES) {
            throw new ProtocolException(Reason.MALFORMED, "a payword is " + PaywordChain.WORD_BYTES + " bytes");
        }
        sha.hash(word, 0, word.length, scratch, 0);
        if (!MessageDigest.isEqual(scratch, lastWord)) {
            throw new ProtocolException(Reason.BAD_SIGNATURE, "payword " + index + " does not hash to payword "
                    + lastIndex);
        }
        System.arraycopy(word, 0, lastWord, 0, word.length);
        lastIndex = index;
    }

    /** How many units have been paid (the index of the last accepted payword). */
    public int paidUnits() {
        return lastIndex;
    }

    /** The last accepted payword, which the vendor redeems at the broker (a copy). */
    public byte[] lastWord() {
        return lastWord.clone();
    }

    public int chainLength() {
        return chainLength;
    }
}
