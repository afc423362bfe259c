package io.redline.store;

/**
 * What a commit needs of an article's latest version — which one it is, its story and content hash — without
 * its text, shingle set or signature.
 */
public record VersionHead(String articleId, int version, long storyId, String contentHash) {
}
