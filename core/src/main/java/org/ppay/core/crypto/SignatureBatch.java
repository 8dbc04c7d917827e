package org.ppay.core.crypto;

import java.util.Arrays;

/**
 * A reusable list of (public key, message, signature) items to verify together. Items refer to slices of the
 * caller's arrays (a signed wire message and its trailing signature can share one buffer); nothing is copied, and
 * once the batch has grown to its working size, {@link #add} and {@link #clear} allocate nothing.
 *
 * <p>Not thread-safe; do not change a referenced slice while the batch is being verified.
 */
public final class SignatureBatch {

    private byte[][] keys;
    private int[] keyOffsets;
    private int[] keyLengths;
    private byte[][] messages;
    private int[] messageOffsets;
    private int[] messageLengths;
    private byte[][] signatures;
    private int[] signatureOffsets;
    private int[] signatureLengths;
    private int size;

    public SignatureBatch(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initial capacity must be >= 0, was " + initialCapacity);
        }
        int capacity = Math.max(1, initialCapacity);
        keys = new byte[capacity][];
        keyOffsets = new int[capacity];
        keyLengths = new int[capacity];
        messages = new byte[capacity][];
        messageOffsets = new int[capacity];
        messageLengths = new int[capacity];
        signatures = new byte[capacity][];
        signatureOffsets = new int[capacity];
        signatureLengths = new int[capacity];
    }

    /**
     * A batch over three parallel arrays.
     *
     * @throws IllegalArgumentException when the arrays differ in length or hold a null
     */
    public static SignatureBatch of(byte[][] publicKeys, byte[][] messages, byte[][] signatures) {
        if (publicKeys.length != messages.length || messages.length != signatures.length) {
            throw new IllegalArgumentException("batch arrays differ in length: " + publicKeys.length + " keys, "
                    + messages.length + " messages, " + signatures.length + " signatures");
        }
        SignatureBatch batch = new SignatureBatch(publicKeys.length);
        for (int i = 0; i < publicKeys.length; i++) {
            if (publicKeys[i] == null || messages[i] == null || signatures[i] == null) {
                throw new IllegalArgumentException("batch item " + i + " has a null key, message or signature");
            }
            batch.add(publicKeys[i], messages[i], signatures[i]);
        }
        return batch;
    }

    /** Adds an item made of three whole arrays. */
    public SignatureBatch add(byte[] publicKey, byte[] message, byte[] signature) {
        return add(publicKey, 0, publicKey.length, message, 0, message.length, signature, 0, signature.length);
    }

    /**
     * Adds an item made of three slices.
     *
     * @throws IllegalArgumentException when a slice lies outside its array
     */
    public SignatureBatch add(byte[] publicKey, int keyOffset, int keyLength, byte[] message, int messageOffset,
                              int messageLength, byte[] signature, int signatureOffset, int signatureLength) {
        checkSlice("public key", publicKey, keyOffset, keyLength);
        checkSlice("message", message, messageOffset, messageLength);
        checkSlice("signature", signature, signatureOffset, signatureLength);
        if (size == keys.length) {
            grow();
        }
        keys[size] = publicKey;
        keyOffsets[size] = keyOffset;
        keyLengths[size] = keyLength;
        messages[size] = message;
        messageOffsets[size] = messageOffset;
        messageLengths[size] = messageLength;
        signatures[size] = signature;
        signatureOffsets[size] = signatureOffset;
        signatureLengths[size] = signatureLength;
        size++;
        return this;
    }

    /** Forgets every item (and drops the references to the caller's arrays). */
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(messages, 0, size, null);
        Arrays.fill(signatures, 0, size, null);
        size = 0;
    }

    public int size() {
        return size;
    }

    public byte[] publicKey(int i) {
        return keys[checkIndex(i)];
    }

    public int publicKeyOffset(int i) {
        return keyOffsets[checkIndex(i)];
    }

    public int publicKeyLength(int i) {
        return keyLengths[checkIndex(i)];
    }

    public byte[] message(int i) {
        return messages[checkIndex(i)];
    }

    public int messageOffset(int i) {
        return messageOffsets[checkIndex(i)];
    }

    public int messageLength(int i) {
        return messageLengths[checkIndex(i)];
    }

    public byte[] signature(int i) {
        return signatures[checkIndex(i)];
    }

    public int signatureOffset(int i) {
        return signatureOffsets[checkIndex(i)];
    }

    public int signatureLength(int i) {
        return signatureLengths[checkIndex(i)];
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("batch item " + i + " of " + size);
        }
        return i;
    }

    private static void checkSlice(String what, byte[] array, int offset, int length) {
        if (array == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (offset < 0 || length < 0 || offset > array.length - length) {
            throw new IllegalArgumentException(what + " slice [" + offset + ", +" + length
                    + ") lies outside its array of " + array.length + " bytes");
        }
    }

    private void grow() {
        int capacity = 2 * keys.length;
        keys = Arrays.copyOf(keys, capacity);
        keyOffsets = Arrays.copyOf(keyOffsets, capacity);
        keyLengths = Arrays.copyOf(keyLengths, capacity);
        messages = Arrays.copyOf(messages, capacity);
        messageOffsets = Arrays.copyOf(messageOffsets, capacity);
        messageLengths = Arrays.copyOf(messageLengths, capacity);
        signatures = Arrays.copyOf(signatures, capacity);
        signatureOffsets = Arrays.copyOf(signatureOffsets, capacity);
        signatureLengths = Arrays.copyOf(signatureLengths, capacity);
    }
}
