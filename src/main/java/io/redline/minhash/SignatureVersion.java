package io.redline.minhash;

/**
 * Everything that decides the value of a stored fingerprint: shingle size, signature length, seed, the
 * hash family and the text normaliser's version. Stored beside every signature; a store whose rows carry
 * another version is re-indexed at start-up instead of compared.
 *
 * <p>Example: {@code new SignatureVersion(3, 128, 0x7ED11E5EEDL, 1).id()} →
 * {@code "k3-n128-s7ed11e5eed-oph1-norm1"}.
 */
public record SignatureVersion(int shingleSize, int length, long seed, int normalizerVersion) {
    /** Bump whenever Hashes, Tokenizer, Boilerplate or MinHasher change their output. */
    public static final int HASH_FAMILY = 1;

    public String id() {
        return "k" + shingleSize + "-n" + length + "-s" + Long.toHexString(seed) + "-oph" + HASH_FAMILY
                + "-norm" + normalizerVersion;
    }
}
